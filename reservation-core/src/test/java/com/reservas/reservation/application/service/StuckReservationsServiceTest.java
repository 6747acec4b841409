package com.reservas.reservation.application.service;

import static com.reservas.reservation.application.service.ServiceFixtures.CLIENT;
import static com.reservas.reservation.application.service.ServiceFixtures.NOW;
import static com.reservas.reservation.application.service.ServiceFixtures.after;
import static com.reservas.reservation.application.service.ServiceFixtures.cancelledByCustomer;
import static com.reservas.reservation.application.service.ServiceFixtures.clockAt;
import static com.reservas.reservation.application.service.ServiceFixtures.created;
import static com.reservas.reservation.application.service.ServiceFixtures.supplierConfirmed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.reservation.application.fakes.InMemoryAdapters;
import com.reservas.reservation.application.port.in.StuckReservationsUseCase.Resolution;
import com.reservas.reservation.application.port.out.AuditRecord;
import com.reservas.reservation.application.port.out.AuditRecord.Action;
import com.reservas.reservation.application.service.StuckReservationsService.Policy;
import com.reservas.reservation.domain.Outcome;
import com.reservas.reservation.domain.PaymentStatus;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationCode;
import com.reservas.reservation.domain.ReservationEvent.ReservationCancelled;
import com.reservas.reservation.domain.ReservationEvent.ReservationStatusChanged;
import com.reservas.reservation.domain.ReservationStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The policy with a fixed clock: remind after two silent minutes, expire after thirty. */
class StuckReservationsServiceTest {

  private static final Policy POLICY =
      new Policy(Duration.ofMinutes(2), Duration.ofMinutes(30), 100);

  private final InMemoryAdapters adapters = new InMemoryAdapters();
  private final Reservation silent = created("SILENT01");

  @Test
  void aReservationSilentForLessThanTheReminderThresholdIsLeftAlone() {
    adapters.reservations.store(silent);
    var policy = policyAt(NOW.plus(Duration.ofMinutes(1)), POLICY);

    assertThat(policy.stuck().block()).isEmpty();
    assertThat(policy.resolve().block()).isEqualTo(new Resolution(0, 0));
    assertThat(stored(silent)).isEqualTo(silent);
    assertThat(adapters.outbox.events()).isEmpty();
  }

  @Test
  void aSilentReservationIsRemindedWithItsSnapshotAndNoNewHistory() {
    adapters.reservations.store(silent);
    Instant now = NOW.plus(Duration.ofMinutes(3));
    var policy = policyAt(now, POLICY);

    assertThat(policy.stuck().block()).containsExactly(silent);
    assertThat(policy.resolve().block()).isEqualTo(new Resolution(1, 0));

    Reservation reminded = stored(silent);
    assertThat(reminded.status()).isEqualTo(ReservationStatus.CREATED);
    assertThat(reminded.version()).isEqualTo(silent.version() + 1);
    assertThat(reminded.updatedAt()).isEqualTo(now);
    assertThat(reminded.history()).isEqualTo(silent.history());
    assertThat(adapters.outbox.appended())
        .singleElement()
        .satisfies(
            appended -> {
              assertThat(appended.traceparent()).isNull();
              assertThat(appended.event())
                  .isInstanceOfSatisfying(
                      ReservationStatusChanged.class,
                      e -> {
                        assertThat(e.previousStatus()).isEqualTo(ReservationStatus.CREATED);
                        assertThat(e.reason()).isEqualTo(StuckReservationsService.REMINDER);
                        assertThat(e.reservation()).isEqualTo(reminded);
                      });
            });
    assertThat(adapters.audit.records()).as("a reminder changes no status").isEmpty();
    assertThat(policyAt(NOW.plus(Duration.ofMinutes(4)), POLICY).stuck().block())
        .as("reminded a minute ago")
        .isEmpty();
  }

  @Test
  void anUnconfirmedReservationOlderThanTheExpiryIsCancelledAsExpiredAndAudited() {
    adapters.reservations.store(silent);
    Instant now = NOW.plus(Duration.ofMinutes(31));

    assertThat(policyAt(now, POLICY).resolve().block()).isEqualTo(new Resolution(0, 1));

    Reservation expired = stored(silent);
    assertThat(expired.status()).isEqualTo(ReservationStatus.CANCELLED);
    assertThat(expired.cancellationReason()).isEqualTo(StuckReservationsService.EXPIRED);
    assertThat(expired.history()).hasSize(2);
    assertThat(adapters.outbox.events())
        .singleElement()
        .isInstanceOfSatisfying(
            ReservationCancelled.class,
            e -> assertThat(e.reason()).isEqualTo(StuckReservationsService.EXPIRED));
    assertThat(adapters.audit.records())
        .containsExactly(
            new AuditRecord(
                now,
                StuckReservationsService.ACTOR,
                Action.STATUS_CHANGED,
                silent.code().value(),
                null,
                "status CREATED -> CANCELLED; reason: "
                    + StuckReservationsService.EXPIRED
                    + "; expired by policy"));
  }

  @Test
  void aConfirmedReservationAwaitingItsCaptureIsRemindedNotExpiredHoweverOld() {
    Reservation confirmed = supplierConfirmed("CAPTURE1");
    adapters.reservations.store(confirmed);

    assertThat(policyAt(NOW.plus(Duration.ofHours(2)), POLICY).resolve().block())
        .isEqualTo(new Resolution(1, 0));

    assertThat(stored(confirmed).status()).isEqualTo(ReservationStatus.SUPPLIER_CONFIRMED);
    assertThat(adapters.outbox.events())
        .singleElement()
        .isInstanceOfSatisfying(
            ReservationStatusChanged.class,
            e -> assertThat(e.reason()).isEqualTo(StuckReservationsService.REMINDER));
    assertThat(adapters.audit.records()).isEmpty();
  }

  @Test
  void settledReservationsAreNeverStuckAndThoseNeedingAPersonAreListedButLeftAlone() {
    Reservation settled = cancelledByCustomer(created("SETTLED1"));
    Reservation needsAttention =
        after(
            supplierConfirmed("ATTENTN1"),
            new Outcome.PaymentOperationRefused("capture", "authorization expired"));
    adapters.reservations.store(settled);
    adapters.reservations.store(needsAttention);
    var policy = policyAt(NOW.plus(Duration.ofHours(2)), POLICY);

    assertThat(policy.stuck().block()).containsExactly(needsAttention);
    assertThat(policy.needingAttention().block()).containsExactly(needsAttention);
    assertThat(policy.resolve().block()).isEqualTo(new Resolution(0, 0));
    assertThat(stored(settled)).isEqualTo(settled);
    assertThat(stored(needsAttention)).isEqualTo(needsAttention);
    assertThat(adapters.outbox.events()).isEmpty();
  }

  @Test
  void stuckListsTheSilentOnesOldestFirstThenThoseNeedingAPerson() {
    Reservation older = created("OLDER001", CLIENT, NOW.minus(Duration.ofMinutes(10)));
    Reservation needsAttention =
        after(
            supplierConfirmed("ATTENTN1"),
            new Outcome.PaymentOperationRefused("capture", "authorization expired"));
    adapters.reservations.store(silent);
    adapters.reservations.store(needsAttention);
    adapters.reservations.store(older);

    assertThat(policyAt(NOW.plus(Duration.ofMinutes(5)), POLICY).stuck().block())
        .containsExactly(older, silent, needsAttention);
  }

  /**
   * Cancelled after the supplier confirmed, then Stripe refused the void: it needs a person (the
   * money) and still waits for the supplier's cancellation (the car). It is one stuck reservation.
   */
  @Test
  void aReservationBothWaitingAndNeedingAPersonIsListedOnce() {
    Reservation mixed =
        after(
            cancelledByCustomer(supplierConfirmed("MIXED001")),
            new Outcome.PaymentOperationRefused("void", "refused"));
    adapters.reservations.store(mixed);

    assertThat(policyAt(NOW.plus(Duration.ofHours(2)), POLICY).stuck().block())
        .containsExactly(mixed);
  }

  @Test
  void aCancelledReservationWhoseAuthorizationMayStillArriveIsReminded() {
    Reservation cancelled =
        cancelledByCustomer(after(created("INFLIGHT"), new Outcome.PaymentAuthorizationStarted()));
    adapters.reservations.store(cancelled);

    assertThat(policyAt(NOW.plus(Duration.ofHours(2)), POLICY).resolve().block())
        .isEqualTo(new Resolution(1, 0));

    assertThat(stored(cancelled).paymentStatus()).isEqualTo(PaymentStatus.IN_PROGRESS);
    assertThat(adapters.outbox.events()).hasSize(1);
  }

  @Test
  void aReservationCancelledWhileThePolicyRanIsNeitherExpiredNorRemindedNorCounted() {
    adapters.reservations.store(silent);
    adapters.reservations.loseNextUpdates(silent.code(), 1, ServiceFixtures::cancelledByCustomer);

    assertThat(policyAt(NOW.plus(Duration.ofMinutes(31)), POLICY).resolve().block())
        .isEqualTo(new Resolution(0, 0));

    assertThat(stored(silent).cancellationReason()).isEqualTo("changed my mind");
    assertThat(adapters.reservations.writes()).isEmpty();
    assertThat(adapters.outbox.events()).isEmpty();
    assertThat(adapters.audit.records()).isEmpty();
  }

  @Test
  void aReservationOtherWritersKeepChangingIsSkippedAndTheOthersAreStillResolved() {
    Reservation busy = created("BUSY0001", CLIENT, NOW.minusSeconds(1));
    adapters.reservations.store(busy);
    adapters.reservations.store(silent);
    adapters.reservations.loseNextUpdates(
        busy.code(), Integer.MAX_VALUE, ServiceFixtures::remindedByAnotherWriter);

    assertThat(policyAt(NOW.plus(Duration.ofMinutes(3)), POLICY).resolve().block())
        .isEqualTo(new Resolution(1, 0));

    assertThat(stored(silent).version()).isEqualTo(silent.version() + 1);
    assertThat(adapters.outbox.events())
        .extracting(e -> e.reservation().code())
        .containsExactly(silent.code());
  }

  @Test
  void onePassResolvesAtMostABatchOldestFirst() {
    Reservation first = created("FIRST001", CLIENT, NOW.minus(Duration.ofMinutes(3)));
    Reservation second = created("SECOND01", CLIENT, NOW.minus(Duration.ofMinutes(2)));
    Reservation third = created("THIRD001", CLIENT, NOW.minus(Duration.ofMinutes(1)));
    adapters.reservations.store(third);
    adapters.reservations.store(first);
    adapters.reservations.store(second);
    Policy twoAtATime = new Policy(POLICY.remindAfter(), POLICY.expireAfter(), 2);

    assertThat(policyAt(NOW.plus(Duration.ofMinutes(5)), twoAtATime).resolve().block())
        .isEqualTo(new Resolution(2, 0));

    assertThat(stored(first).version()).isEqualTo(1);
    assertThat(stored(second).version()).isEqualTo(1);
    assertThat(stored(third)).isEqualTo(third);
  }

  @Test
  void thePolicyMustExpireLaterThanItRemindsAndHandleAtLeastOneReservation() {
    assertThatThrownBy(() -> new Policy(Duration.ofMinutes(5), Duration.ofMinutes(5), 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Policy(Duration.ofMinutes(2), Duration.ofMinutes(30), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private StuckReservationsService policyAt(Instant now, Policy policy) {
    return new StuckReservationsService(
        adapters.reservations, adapters.writer(), clockAt(now), policy, adapters.audit);
  }

  private Reservation stored(Reservation reservation) {
    ReservationCode code = reservation.code();
    return adapters.reservations.stored(code).orElseThrow();
  }
}
