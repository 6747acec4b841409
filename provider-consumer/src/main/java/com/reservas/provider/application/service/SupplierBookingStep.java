package com.reservas.provider.application.service;

import static java.util.Objects.requireNonNull;

import com.reservas.consumer.support.loop.Decision;
import com.reservas.consumer.support.loop.ReservationStep;
import com.reservas.provider.application.port.out.SupplierGateway;
import com.reservas.provider.application.port.out.SupplierGateway.BookingAnswer;
import com.reservas.provider.application.port.out.SupplierGateway.BookingLookup;
import com.reservas.provider.application.port.out.SupplierRequestRefusedException;
import com.reservas.provider.domain.BookingRequest;
import com.reservas.provider.domain.CancellationRequest;
import com.reservas.provider.domain.ReservationSnapshot;
import com.reservas.provider.domain.SupplierOutcome;
import com.reservas.provider.domain.SupplierTask;
import com.reservas.provider.domain.SupplierTaskPolicy;

/**
 * The supplier step of the reservation saga: decides from the snapshot ({@link
 * SupplierTaskPolicy}), calls the supplier under the operation's request id, and publishes its
 * answer. A rejection is published like a confirmation, as the business answer it is; only failures
 * to get an answer propagate.
 */
public final class SupplierBookingStep
    implements ReservationStep<ReservationSnapshot, SupplierTask, SupplierOutcome> {

  private final SupplierTaskPolicy policy;
  private final SupplierGateway supplier;

  public SupplierBookingStep(SupplierTaskPolicy policy, SupplierGateway supplier) {
    this.policy = requireNonNull(policy, "policy");
    this.supplier = requireNonNull(supplier, "supplier");
  }

  @Override
  public Decision<SupplierTask> decide(ReservationSnapshot reservation, boolean reminder) {
    return policy.decide(reservation, reminder);
  }

  @Override
  public void carryOut(
      ReservationSnapshot reservation, SupplierTask task, Outcomes<SupplierOutcome> outcomes) {
    if (task instanceof SupplierTask.Book book) {
      BookingRequest request = book.request();
      BookingAnswer answer = book.askedBefore() ? lookUpThenBook(request) : supplier.book(request);
      outcomes.publish(outcomeOf(request, answer));
    } else {
      outcomes.publish(cancel(((SupplierTask.Cancel) task).request()));
    }
  }

  /** A booking the supplier already holds for the request id is the answer; else book. */
  private BookingAnswer lookUpThenBook(BookingRequest request) {
    BookingLookup found = supplier.findBooking(request);
    return found
        .bookingReference()
        .<BookingAnswer>map(reference -> new BookingAnswer.Confirmed(reference, found.calls()))
        .orElseGet(() -> supplier.book(request).after(found.calls()));
  }

  private static SupplierOutcome outcomeOf(BookingRequest request, BookingAnswer answer) {
    if (answer instanceof BookingAnswer.Confirmed confirmed) {
      return new SupplierOutcome.BookingConfirmed(
          request.reservationCode(),
          request.supplierCode(),
          request.requestId(),
          confirmed.bookingReference(),
          confirmed.calls());
    }
    BookingAnswer.Rejected rejected = (BookingAnswer.Rejected) answer;
    return new SupplierOutcome.BookingRejected(
        request.reservationCode(),
        request.supplierCode(),
        request.requestId(),
        rejected.reason(),
        rejected.calls());
  }

  /**
   * A cancellation the supplier refuses for good is an answer too: published for a person to act
   * on, instead of a dead letter that the stuck-reservation policy would make again and again.
   */
  private SupplierOutcome cancel(CancellationRequest request) {
    try {
      SupplierGateway.CancellationAnswer answer = supplier.cancel(request);
      return new SupplierOutcome.BookingCancelled(
          request.reservationCode(),
          request.supplierCode(),
          request.requestId(),
          answer.bookingReference(),
          answer.calls());
    } catch (SupplierRequestRefusedException refused) {
      return new SupplierOutcome.CancellationRefused(
          request.reservationCode(),
          request.supplierCode(),
          request.requestId(),
          request.bookingReference(),
          refused.getMessage(),
          refused.calls());
    }
  }
}
