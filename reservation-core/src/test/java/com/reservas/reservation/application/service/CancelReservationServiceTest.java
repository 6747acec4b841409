package com.reservas.reservation.application.service;

import static com.reservas.reservation.application.service.ServiceFixtures.CLIENT;
import static com.reservas.reservation.application.service.ServiceFixtures.NOW;
import static com.reservas.reservation.application.service.ServiceFixtures.TRACEPARENT;
import static com.reservas.reservation.application.service.ServiceFixtures.cancelledByCustomer;
import static com.reservas.reservation.application.service.ServiceFixtures.clockAt;
import static com.reservas.reservation.application.service.ServiceFixtures.created;
import static com.reservas.reservation.application.service.ServiceFixtures.pickup;
import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.reservation.application.fakes.InMemoryAdapters;
import com.reservas.reservation.application.fakes.InMemoryReservationRepository.Write;
import com.reservas.reservation.application.fakes.RecordingAuditTrail.Recorded;
import com.reservas.reservation.application.port.in.CancelReservationUseCase.CancelReservationCommand;
import com.reservas.reservation.application.port.in.CancelReservationUseCase.CancellationResult;
import com.reservas.reservation.application.port.out.AuditRecord;
import com.reservas.reservation.application.port.out.AuditRecord.Action;
import com.reservas.reservation.domain.Outcome;
import com.reservas.reservation.domain.PaymentStatus;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationEvent.ReservationCancelled;
import com.reservas.reservation.domain.ReservationStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CancelReservationServiceTest {

  private static final String CODE = "K7P2QX9A";
  private static final Instant ONE_HOUR_LATER = NOW.plusSeconds(3600);

  private final InMemoryAdapters adapters = new InMemoryAdapters();
  private final Reservation reservation = created(CODE);

  @Test
  void
      theOwnerCancelsBeforePickupAndTheCancellationIsWrittenWithItsEventAndAuditInOneTransaction() {
    adapters.reservations.store(reservation);

    CancellationResult result =
        service(ONE_HOUR_LATER)
            .cancel(
                new CancelReservationCommand(
                    CLIENT, CODE, "  plans changed  ", TRACEPARENT, "198.51.100.7"))
            .block();

    Reservation stored = stored();
    assertThat(result).isEqualTo(new CancellationResult.Accepted(stored));
    assertThat(stored.status()).isEqualTo(ReservationStatus.CANCELLED);
    assertThat(stored.cancellationReason()).isEqualTo("plans changed");
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.updatedAt()).isEqualTo(ONE_HOUR_LATER);
    assertThat(adapters.outbox.appended())
        .singleElement()
        .satisfies(
            appended -> {
              assertThat(appended.traceparent()).isEqualTo(TRACEPARENT);
              assertThat(appended.event())
                  .isInstanceOfSatisfying(
                      ReservationCancelled.class,
                      e -> {
                        assertThat(e.previousStatus()).isEqualTo(ReservationStatus.CREATED);
                        assertThat(e.reason()).isEqualTo("plans changed");
                        assertThat(e.reservation()).isEqualTo(stored);
                      });
            });
    assertThat(adapters.audit.records())
        .containsExactly(
            new AuditRecord(
                ONE_HOUR_LATER,
                CLIENT,
                Action.CANCELLED,
                CODE,
                "198.51.100.7",
                "status CREATED -> CANCELLED; reason: plans changed"));
    assertThat(adapters.transactions.committed()).isEqualTo(1);
    long transaction = adapters.reservations.writes().get(0).transaction();
    assertThat(transaction).isNotZero();
    assertThat(adapters.reservations.writes())
        .extracting(Write::transaction)
        .containsExactly(transaction);
    assertThat(adapters.outbox.appended().get(0).transaction()).isEqualTo(transaction);
    assertThat(adapters.audit.recorded())
        .extracting(Recorded::transaction)
        .containsExactly(transaction);
  }

  @Test
  void aMissingOrBlankReasonBecomesTheDefaultReason() {
    adapters.reservations.store(reservation);

    service(ONE_HOUR_LATER).cancel(new CancelReservationCommand(CLIENT, CODE, "   ", null)).block();

    assertThat(stored().cancellationReason()).isEqualTo(CancelReservationService.DEFAULT_REASON);
  }

  @Test
  void anotherClientsReservationIsNotFoundAndStaysUntouched() {
    adapters.reservations.store(reservation);

    CancellationResult result =
        service(ONE_HOUR_LATER)
            .cancel(new CancelReservationCommand("client-2", CODE, "mine now", null))
            .block();

    assertThat(result).isEqualTo(new CancellationResult.NotFound());
    assertThat(stored()).isEqualTo(reservation);
    assertNothingWritten();
  }

  @Test
  void anUnknownOrMalformedCodeIsNotFound() {
    adapters.reservations.store(reservation);
    var service = service(ONE_HOUR_LATER);

    assertThat(service.cancel(new CancelReservationCommand(CLIENT, "ZZZZZZZZ", null, null)).block())
        .isEqualTo(new CancellationResult.NotFound());
    assertThat(service.cancel(new CancelReservationCommand(CLIENT, "k7p2qx9a", null, null)).block())
        .isEqualTo(new CancellationResult.NotFound());
    assertThat(service.cancel(new CancelReservationCommand(CLIENT, null, null, null)).block())
        .isEqualTo(new CancellationResult.NotFound());
    assertNothingWritten();
  }

  @Test
  void anAlreadyCancelledReservationIsNotCancellableAndNothingIsWritten() {
    Reservation cancelled = cancelledByCustomer(reservation);
    adapters.reservations.store(cancelled);

    CancellationResult result =
        service(ONE_HOUR_LATER)
            .cancel(new CancelReservationCommand(CLIENT, CODE, "again", null))
            .block();

    assertThat(result)
        .isEqualTo(new CancellationResult.NotCancellable("the reservation is already cancelled"));
    assertThat(stored()).isEqualTo(cancelled);
    assertNothingWritten();
  }

  @Test
  void aReservationWhosePickupTimeHasComeIsNotCancellable() {
    adapters.reservations.store(reservation);

    CancellationResult result =
        service(pickup()).cancel(new CancelReservationCommand(CLIENT, CODE, "late", null)).block();

    assertThat(result)
        .isEqualTo(new CancellationResult.NotCancellable("the pickup time has passed"));
    assertThat(stored()).isEqualTo(reservation);
    assertNothingWritten();
  }

  @Test
  void aReservationCanBeCancelledUpToTheSecondBeforePickup() {
    adapters.reservations.store(reservation);

    CancellationResult result =
        service(pickup().minusSeconds(1))
            .cancel(new CancelReservationCommand(CLIENT, CODE, "just in time", null))
            .block();

    assertThat(result).isInstanceOf(CancellationResult.Accepted.class);
  }

  @Test
  void aCancellationThatLosesTheRaceToAnOutcomeIsDecidedAgainOnTheFreshState() {
    adapters.reservations.store(reservation);
    adapters.reservations.loseNextUpdates(
        reservation.code(),
        1,
        r -> ServiceFixtures.after(r, new Outcome.PaymentAuthorizationStarted()));

    CancellationResult result =
        service(ONE_HOUR_LATER)
            .cancel(new CancelReservationCommand(CLIENT, CODE, "plans changed", null))
            .block();

    assertThat(result).isInstanceOf(CancellationResult.Accepted.class);
    Reservation stored = stored();
    assertThat(stored.status()).isEqualTo(ReservationStatus.CANCELLED);
    assertThat(stored.paymentStatus()).isEqualTo(PaymentStatus.IN_PROGRESS);
    assertThat(stored.version()).isEqualTo(2);
    assertThat(adapters.outbox.events())
        .singleElement()
        .isInstanceOfSatisfying(
            ReservationCancelled.class,
            e -> assertThat(e.previousStatus()).isEqualTo(ReservationStatus.PAYMENT_IN_PROGRESS));
    assertThat(adapters.audit.records())
        .singleElement()
        .extracting(AuditRecord::details)
        .isEqualTo("status PAYMENT_IN_PROGRESS -> CANCELLED; reason: plans changed");
    assertThat(adapters.transactions.rolledBack()).isEqualTo(1);
    assertThat(adapters.transactions.committed()).isEqualTo(1);
  }

  @Test
  void aCancellationThatLosesTheRaceToAnotherCancellationIsRefused() {
    adapters.reservations.store(reservation);
    adapters.reservations.loseNextUpdates(
        reservation.code(), 1, ServiceFixtures::cancelledByCustomer);

    CancellationResult result =
        service(ONE_HOUR_LATER)
            .cancel(new CancelReservationCommand(CLIENT, CODE, "me too", null))
            .block();

    assertThat(result)
        .isEqualTo(new CancellationResult.NotCancellable("the reservation is already cancelled"));
    assertThat(stored().cancellationReason()).isEqualTo("changed my mind");
    assertNothingWritten();
  }

  private CancelReservationService service(Instant now) {
    return new CancelReservationService(
        adapters.reservations, adapters.writer(), clockAt(now), adapters.audit);
  }

  private Reservation stored() {
    return adapters.reservations.stored(reservation.code()).orElseThrow();
  }

  private void assertNothingWritten() {
    assertThat(adapters.reservations.writes()).isEmpty();
    assertThat(adapters.outbox.events()).isEmpty();
    assertThat(adapters.audit.records()).isEmpty();
  }
}
