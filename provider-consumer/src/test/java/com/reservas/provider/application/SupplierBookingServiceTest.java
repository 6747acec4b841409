package com.reservas.provider.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.reservas.provider.Reservations;
import com.reservas.provider.application.port.in.HandlingResult;
import com.reservas.provider.application.port.in.ReservationEventReceived;
import com.reservas.provider.application.port.out.SupplierGateway;
import com.reservas.provider.application.port.out.SupplierOutcomePublisher;
import com.reservas.provider.application.port.out.SupplierUnavailableException;
import com.reservas.provider.application.service.SupplierBookingService;
import com.reservas.provider.domain.BookingRequest;
import com.reservas.provider.domain.CancellationRequest;
import com.reservas.provider.domain.ExternalCall;
import com.reservas.provider.domain.ReservationSnapshot;
import com.reservas.provider.domain.SupplierOutcome;
import com.reservas.provider.domain.SupplierTaskPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The saga step with the supplier and the publisher replaced by in-memory fakes. */
class SupplierBookingServiceTest {

  private static final ExternalCall CALL =
      new ExternalCall(
          "supplier.bookings.create",
          "K7P2QX9A-book",
          "POST",
          "http://supplier/v1/bookings",
          "{}",
          201,
          "{}",
          Instant.parse("2026-11-28T22:10:04Z"),
          12);

  private final FakeSupplier supplier = new FakeSupplier();
  private final List<SupplierOutcome> published = new ArrayList<>();
  private final SupplierOutcomePublisher publisher =
      (outcome, cause) -> Mono.fromRunnable(() -> published.add(outcome));
  private final SupplierBookingService service =
      new SupplierBookingService(new SupplierTaskPolicy(), supplier, publisher);

  @Test
  void aConfirmationIsPublishedWithTheSupplierReferenceAndItsCalls() {
    supplier.bookingAnswer =
        new SupplierGateway.BookingAnswer.Confirmed("SB7K2P9QXA", List.of(CALL));

    HandlingResult result =
        service.handle(event(Reservations.paid("K7P2QX9A", "AGP-AIRPORT"))).block();

    SupplierOutcome confirmed =
        new SupplierOutcome.BookingConfirmed(
            "K7P2QX9A", "IBERCAR", "K7P2QX9A-book", "SB7K2P9QXA", List.of(CALL));
    assertThat(result).isEqualTo(new HandlingResult.Published(confirmed));
    assertThat(published).containsExactly(confirmed);
    assertThat(supplier.bookings)
        .extracting(BookingRequest::requestId)
        .containsExactly("K7P2QX9A-book");
  }

  @Test
  void aReminderFindsTheBookingTheSupplierHoldsAndBooksNothing() {
    supplier.held = Optional.of("SB7K2P9QXA");

    service.handle(reminder(Reservations.paid("K7P2QX9A", "AGP-AIRPORT"))).block();

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

    service.handle(reminder(Reservations.paid("K7P2QX9A", "AGP-AIRPORT"))).block();

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

    service.handle(event(Reservations.paid("K7P2QX9A", "AGP-AIRPORT"))).block();

    assertThat(published)
        .containsExactly(
            new SupplierOutcome.BookingRejected(
                "K7P2QX9A", "IBERCAR", "K7P2QX9A-book", "NO_AVAILABILITY", List.of(CALL)));
  }

  @Test
  void aCancellationIsPublishedOnceTheSupplierCancelled() {
    service
        .handle(
            event(Reservations.cancelledAfterConfirmation("K7P2QX9A", "AGP-AIRPORT", "SB7K2P9QXA")))
        .block();

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
    HandlingResult result =
        service
            .handle(
                event(Reservations.snapshot("K7P2QX9A", "CREATED", "PENDING", "MAD-AIRPORT", null)))
            .block();

    assertThat(result).isInstanceOf(HandlingResult.Skipped.class);
    assertThat(supplier.bookings).isEmpty();
    assertThat(published).isEmpty();
  }

  @Test
  void anUnavailableSupplierPublishesNothingAndLetsTheFailureThrough() {
    supplier.failure = new SupplierUnavailableException("down", List.of(CALL), null);

    Throwable failure =
        catchThrowable(
            () -> service.handle(event(Reservations.paid("K7P2QX9A", "MAD-AIRPORT"))).block());

    assertThat(failure).isSameAs(supplier.failure);
    assertThat(published).isEmpty();
  }

  private static ReservationEventReceived event(ReservationSnapshot reservation) {
    return new ReservationEventReceived(
        "3f1c2a9e-6b1d-4f7a-9a4e-2d6c1b8e7f10",
        "ReservationStatusChanged",
        null,
        reservation,
        false);
  }

  private static ReservationEventReceived reminder(ReservationSnapshot reservation) {
    return new ReservationEventReceived(
        "5b0d3c7e-1a2f-4e6b-8c9d-0e1f2a3b4c5d",
        "ReservationStatusChanged",
        null,
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

    @Override
    public Mono<BookingLookup> findBooking(BookingRequest request) {
      lookups.add(request);
      return Mono.just(new BookingLookup(held, List.of(CALL)));
    }

    @Override
    public Mono<BookingAnswer> book(BookingRequest request) {
      bookings.add(request);
      return failure != null ? Mono.error(failure) : Mono.just(bookingAnswer);
    }

    @Override
    public Mono<CancellationAnswer> cancel(CancellationRequest request) {
      cancellations.add(request);
      return Mono.just(new CancellationAnswer(request.bookingReference(), List.of()));
    }
  }
}
