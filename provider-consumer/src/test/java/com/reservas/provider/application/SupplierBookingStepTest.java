package com.reservas.provider.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.reservas.consumer.support.loop.EventSource;
import com.reservas.consumer.support.loop.Handled;
import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.consumer.support.loop.ReservationEvent;
import com.reservas.consumer.support.loop.ReservationLoop;
import com.reservas.provider.Reservations;
import com.reservas.provider.application.port.out.SupplierGateway;
import com.reservas.provider.application.port.out.SupplierRequestRefusedException;
import com.reservas.provider.application.port.out.SupplierUnavailableException;
import com.reservas.provider.application.service.SupplierBookingStep;
import com.reservas.provider.domain.BookingRequest;
import com.reservas.provider.domain.CancellationRequest;
import com.reservas.provider.domain.ReservationSnapshot;
import com.reservas.provider.domain.SupplierOutcome;
import com.reservas.provider.domain.SupplierTask;
import com.reservas.provider.domain.SupplierTaskPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The saga step in consumer-support's loop, the supplier and the outcome port as in-memory fakes.
 */
class SupplierBookingStepTest {

  private static final HttpExchange CALL =
      new HttpExchange(
          "supplier.bookings.create",
          "K7P2QX9A-book",
          "POST",
          "http://supplier/v1/bookings",
          "{}",
          201,
          "{}",
          Instant.parse("2026-11-28T22:10:04Z"),
          Duration.ofMillis(12));

  private final FakeSupplier supplier = new FakeSupplier();
  private final List<SupplierOutcome> published = new ArrayList<>();
  private final ReservationLoop<ReservationSnapshot, SupplierTask, SupplierOutcome> service =
      new ReservationLoop<>(
          new SupplierBookingStep(new SupplierTaskPolicy(), supplier),
          (source, outcome) -> {
            published.add(outcome);
            return outcome.getClass().getSimpleName();
          });

  @Test
  void aConfirmationIsPublishedWithTheSupplierReferenceAndItsCalls() {
    supplier.bookingAnswer =
        new SupplierGateway.BookingAnswer.Confirmed("SB7K2P9QXA", List.of(CALL));

    Handled result = service.handle(event(Reservations.paid("K7P2QX9A", "AGP-AIRPORT")));

    SupplierOutcome confirmed =
        new SupplierOutcome.BookingConfirmed(
            "K7P2QX9A", "IBERCAR", "K7P2QX9A-book", "SB7K2P9QXA", List.of(CALL));
    assertThat(result.published()).containsExactly("BookingConfirmed");
    assertThat(published).containsExactly(confirmed);
    assertThat(supplier.bookings)
        .extracting(BookingRequest::requestId)
        .containsExactly("K7P2QX9A-book");
  }

  @Test
  void aReminderFindsTheBookingTheSupplierHoldsAndBooksNothing() {
    supplier.held = Optional.of("SB7K2P9QXA");

    service.handle(reminder(Reservations.paid("K7P2QX9A", "AGP-AIRPORT")));

    assertThat(supplier.bookings).isEmpty();
    assertThat(published)
        .containsExactly(
            new SupplierOutcome.BookingConfirmed(
                "K7P2QX9A", "IBERCAR", "K7P2QX9A-book", "SB7K2P9QXA", List.of(CALL)));
  }

  @Test
  void aReminderTheSupplierHoldsNothingForBooksUnderTheSameRequestId() {
    supplier.bookingAnswer =
        new SupplierGateway.BookingAnswer.Confirmed("SB7K2P9QXA", List.of(CALL));

    service.handle(reminder(Reservations.paid("K7P2QX9A", "AGP-AIRPORT")));

    assertThat(supplier.lookups)
        .extracting(BookingRequest::requestId)
        .containsExactly("K7P2QX9A-book");
    assertThat(supplier.bookings)
        .extracting(BookingRequest::requestId)
        .containsExactly("K7P2QX9A-book");
    assertThat(published)
        .containsExactly(
            new SupplierOutcome.BookingConfirmed(
                "K7P2QX9A", "IBERCAR", "K7P2QX9A-book", "SB7K2P9QXA", List.of(CALL, CALL)));
  }

  @Test
  void aRejectionIsABusinessAnswerAndIsPublishedLikeAConfirmation() {
    supplier.bookingAnswer =
        new SupplierGateway.BookingAnswer.Rejected("NO_AVAILABILITY", "no car", List.of(CALL));

    service.handle(event(Reservations.paid("K7P2QX9A", "AGP-AIRPORT")));

    assertThat(published)
        .containsExactly(
            new SupplierOutcome.BookingRejected(
                "K7P2QX9A", "IBERCAR", "K7P2QX9A-book", "NO_AVAILABILITY", List.of(CALL)));
  }

  @Test
  void aCancellationIsPublishedOnceTheSupplierCancelled() {
    service.handle(
        event(Reservations.cancelledAfterConfirmation("K7P2QX9A", "AGP-AIRPORT", "SB7K2P9QXA")));

    assertThat(supplier.cancellations)
        .containsExactly(
            new CancellationRequest("K7P2QX9A-cancel", "K7P2QX9A", "IBERCAR", "SB7K2P9QXA"));
    assertThat(published)
        .containsExactly(
            new SupplierOutcome.BookingCancelled(
                "K7P2QX9A", "IBERCAR", "K7P2QX9A-cancel", "SB7K2P9QXA", List.of()));
  }

  @Test
  void aSnapshotThatAsksNothingIsSkippedWithoutCallingAnybody() {
    Handled result =
        service.handle(
            event(Reservations.snapshot("K7P2QX9A", "CREATED", "PENDING", "MAD-AIRPORT", null)));

    assertThat(result.acted()).isFalse();
    assertThat(supplier.bookings).isEmpty();
    assertThat(published).isEmpty();
  }

  @Test
  void aCancellationTheSupplierRefusesForGoodIsPublishedForAPersonInsteadOfADeadLetter() {
    supplier.cancellationRefusal =
        new SupplierRequestRefusedException(
            404, "BOOKING_NOT_FOUND", "The supplier refused it", List.of(CALL));

    service.handle(
        event(Reservations.cancelledAfterConfirmation("K7P2QX9A", "AGP-AIRPORT", "SB7K2P9QXA")));

    assertThat(published)
        .containsExactly(
            new SupplierOutcome.CancellationRefused(
                "K7P2QX9A",
                "IBERCAR",
                "K7P2QX9A-cancel",
                "SB7K2P9QXA",
                "The supplier refused it",
                List.of(CALL)));
  }

  @Test
  void anUnavailableSupplierPublishesNothingAndLetsTheFailureThrough() {
    supplier.failure = new SupplierUnavailableException("down", List.of(CALL), null);

    Throwable failure =
        catchThrowable(() -> service.handle(event(Reservations.paid("K7P2QX9A", "MAD-AIRPORT"))));

    assertThat(failure).isSameAs(supplier.failure);
    assertThat(published).isEmpty();
  }

  private static ReservationEvent<ReservationSnapshot> event(ReservationSnapshot reservation) {
    return new ReservationEvent<>(
        new EventSource("3f1c2a9e-6b1d-4f7a-9a4e-2d6c1b8e7f10", "ReservationStatusChanged", null),
        reservation,
        false);
  }

  private static ReservationEvent<ReservationSnapshot> reminder(ReservationSnapshot reservation) {
    return new ReservationEvent<>(
        new EventSource("5b0d3c7e-1a2f-4e6b-8c9d-0e1f2a3b4c5d", "ReservationStatusChanged", null),
        reservation,
        true);
  }

  private static final class FakeSupplier implements SupplierGateway {
    final List<BookingRequest> bookings = new ArrayList<>();
    final List<CancellationRequest> cancellations = new ArrayList<>();
    final List<BookingRequest> lookups = new ArrayList<>();
    BookingAnswer bookingAnswer;
    Optional<String> held = Optional.empty();
    RuntimeException failure;
    SupplierRequestRefusedException cancellationRefusal;

    @Override
    public BookingLookup findBooking(BookingRequest request) {
      lookups.add(request);
      return new BookingLookup(held, List.of(CALL));
    }

    @Override
    public BookingAnswer book(BookingRequest request) {
      bookings.add(request);
      if (failure != null) {
        throw failure;
      }
      return bookingAnswer;
    }

    @Override
    public CancellationAnswer cancel(CancellationRequest request) {
      cancellations.add(request);
      if (cancellationRefusal != null) {
        throw cancellationRefusal;
      }
      return new CancellationAnswer(request.bookingReference(), List.of());
    }
  }
}
