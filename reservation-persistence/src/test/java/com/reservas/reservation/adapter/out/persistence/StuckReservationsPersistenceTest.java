package com.reservas.reservation.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase;
import com.reservas.reservation.application.port.in.StuckReservationsUseCase.Resolution;
import com.reservas.reservation.application.service.StuckReservationsService;
import com.reservas.reservation.domain.Outcome;
import com.reservas.reservation.domain.PaymentStatus;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationStatus;
import com.reservas.reservation.domain.StatusChange;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stuck-reservation policy on a real database: remind after silence, expire when too old. */
class StuckReservationsPersistenceTest {

  private static final StuckReservationsService.Policy POLICY =
      new StuckReservationsService.Policy(Duration.ofMinutes(2), Duration.ofMinutes(30), 100);

  private PersistenceFixture fixture;
  private Reservation reservation;

  @BeforeEach
  void aReservationNobodyAnswered() {
    fixture = new PersistenceFixture();
    reservation =
        CreateReservationPersistenceTest.created(
            fixture
                .creating()
                .create(CreateReservationPersistenceTest.command(Optional.empty()))
                .block());
  }

  @Test
  void aReservationSilentForLessThanTheThresholdIsNotStuck() {
    assertThat(policyAt(Duration.ofMinutes(1)).stuck().block()).isEmpty();
  }

  @Test
  void aSilentReservationIsRemindedWithItsSnapshotAndNoNewHistory() {
    StuckReservationsService policy = policyAt(Duration.ofMinutes(3));

    assertThat(policy.stuck().block())
        .extracting(Reservation::code)
        .containsExactly(reservation.code());
    assertThat(policy.resolve().block()).isEqualTo(new Resolution(1, 0));

    Reservation after = fixture.reservations.findByCode(reservation.code()).block();
    assertThat(after.status()).isEqualTo(ReservationStatus.CREATED);
    assertThat(after.version()).isEqualTo(reservation.version() + 1);
    assertThat(after.history()).hasSize(1);
    assertThat(fixture.count("outbox_event")).isEqualTo(2);
    // Reminded just now: not stuck again until another silent period has passed.
    assertThat(policyAt(Duration.ofMinutes(4)).stuck().block()).isEmpty();
  }

  @Test
  void anUnconfirmedReservationOlderThanTheLimitIsCancelledAsExpired() {
    assertThat(policyAt(Duration.ofMinutes(31)).resolve().block()).isEqualTo(new Resolution(0, 1));

    Reservation after = fixture.reservations.findByCode(reservation.code()).block();
    assertThat(after.status()).isEqualTo(ReservationStatus.CANCELLED);
    assertThat(after.cancellationReason()).isEqualTo(StuckReservationsService.EXPIRED);
    assertThat(after.history())
        .extracting(StatusChange::status, StatusChange::reason)
        .containsExactly(
            tuple(ReservationStatus.CREATED, null),
            tuple(ReservationStatus.CANCELLED, StuckReservationsService.EXPIRED));
    assertThat(after.history().get(1).at()).isAfterOrEqualTo(after.history().get(0).at());
  }

  @Test
  void aSettledReservationIsNeverStuck() {
    fixture
        .cancelling(fixture.clock)
        .cancel(
            new com.reservas.reservation.application.port.in.CancelReservationUseCase
                .CancelReservationCommand("client-1", reservation.code().value(), "no", null))
        .block();

    assertThat(policyAt(Duration.ofHours(2)).stuck().block()).isEmpty();
  }

  @Test
  void aReservationCancelledWhileItsAuthorizationWasInProgressIsRemindedUntilTheAnswerIsKnown() {
    fixture
        .applyingOutcomes()
        .apply(
            new ApplyOutcomeUseCase.OutcomeCommand(
                "payment-consumer",
                UUID.randomUUID(),
                reservation.code().value(),
                new Outcome.PaymentAuthorizationStarted(),
                PersistenceFixture.NOW,
                List.of(),
                null))
        .block();
    fixture
        .cancelling(fixture.clock)
        .cancel(
            new com.reservas.reservation.application.port.in.CancelReservationUseCase
                .CancelReservationCommand("client-1", reservation.code().value(), "no", null))
        .block();
    Reservation cancelled = fixture.reservations.findByCode(reservation.code()).block();
    assertThat(cancelled.status()).isEqualTo(ReservationStatus.CANCELLED);
    assertThat(cancelled.paymentStatus()).isEqualTo(PaymentStatus.IN_PROGRESS);

    // Stripe may have made the authorization: the payment consumer must be asked again.
    assertThat(policyAt(Duration.ofMinutes(3)).stuck().block())
        .extracting(Reservation::code)
        .containsExactly(reservation.code());
    assertThat(policyAt(Duration.ofMinutes(3)).resolve().block()).isEqualTo(new Resolution(1, 0));
  }

  private StuckReservationsService policyAt(Duration later) {
    Clock clock = Clock.fixed(PersistenceFixture.NOW.plus(later), ZoneOffset.UTC);
    return new StuckReservationsService(fixture.reservations, fixture.writer(), clock, POLICY);
  }
}
