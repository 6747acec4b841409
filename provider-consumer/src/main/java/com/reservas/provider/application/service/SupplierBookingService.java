package com.reservas.provider.application.service;

import static java.util.Objects.requireNonNull;

import com.reservas.provider.application.port.in.HandleReservationEventUseCase;
import com.reservas.provider.application.port.in.HandlingResult;
import com.reservas.provider.application.port.in.ReservationEventReceived;
import com.reservas.provider.application.port.out.SupplierGateway;
import com.reservas.provider.application.port.out.SupplierGateway.BookingAnswer;
import com.reservas.provider.application.port.out.SupplierOutcomePublisher;
import com.reservas.provider.application.port.out.SupplierRequestRefusedException;
import com.reservas.provider.domain.BookingRequest;
import com.reservas.provider.domain.CancellationRequest;
import com.reservas.provider.domain.SupplierOutcome;
import com.reservas.provider.domain.SupplierTask;
import com.reservas.provider.domain.SupplierTaskPolicy;
import reactor.core.publisher.Mono;

/**
 * The supplier step of the reservation saga: decides from the snapshot, calls the supplier under
 * the operation's request id, and publishes its answer. A rejection is published like a
 * confirmation, as the business answer it is; only failures to get an answer propagate.
 */
public final class SupplierBookingService implements HandleReservationEventUseCase {

  private final SupplierTaskPolicy policy;
  private final SupplierGateway supplier;
  private final SupplierOutcomePublisher outcomes;

  public SupplierBookingService(
      SupplierTaskPolicy policy, SupplierGateway supplier, SupplierOutcomePublisher outcomes) {
    this.policy = requireNonNull(policy, "policy");
    this.supplier = requireNonNull(supplier, "supplier");
    this.outcomes = requireNonNull(outcomes, "outcomes");
  }

  @Override
  public Mono<HandlingResult> handle(ReservationEventReceived event) {
    SupplierTask task = policy.decide(event.reservation(), event.reminder());
    if (task instanceof SupplierTask.Book book) {
      return publish(
          book.askedBefore() ? lookUpThenBook(book.request()) : book(book.request()), event);
    }
    if (task instanceof SupplierTask.Cancel cancel) {
      return publish(cancel(cancel.request()), event);
    }
    return Mono.just(new HandlingResult.Skipped(((SupplierTask.Nothing) task).why()));
  }

  private Mono<SupplierOutcome> book(BookingRequest request) {
    return supplier.book(request).map(answer -> outcomeOf(request, answer));
  }

  /** A booking the supplier already holds for the request id is the answer; else book. */
  private Mono<SupplierOutcome> lookUpThenBook(BookingRequest request) {
    return supplier
        .findBooking(request)
        .flatMap(
            found ->
                found
                    .bookingReference()
                    .<Mono<BookingAnswer>>map(
                        reference ->
                            Mono.just(new BookingAnswer.Confirmed(reference, found.calls())))
                    .orElseGet(
                        () -> supplier.book(request).map(answer -> answer.after(found.calls()))))
        .map(answer -> outcomeOf(request, answer));
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
  private Mono<SupplierOutcome> cancel(CancellationRequest request) {
    return supplier
        .cancel(request)
        .<SupplierOutcome>map(
            answer ->
                new SupplierOutcome.BookingCancelled(
                    request.reservationCode(),
                    request.supplierCode(),
                    request.requestId(),
                    answer.bookingReference(),
                    answer.calls()))
        .onErrorResume(
            SupplierRequestRefusedException.class,
            refused ->
                Mono.just(
                    new SupplierOutcome.CancellationRefused(
                        request.reservationCode(),
                        request.supplierCode(),
                        request.requestId(),
                        request.bookingReference(),
                        refused.getMessage(),
                        refused.calls())));
  }

  private Mono<HandlingResult> publish(
      Mono<SupplierOutcome> outcome, ReservationEventReceived cause) {
    return outcome.flatMap(
        answered ->
            outcomes
                .publish(answered, cause)
                .thenReturn((HandlingResult) new HandlingResult.Published(answered)));
  }
}
