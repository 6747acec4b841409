package com.reservas.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The rules of docs/spec.md §3 as properties over arbitrary sequences of outcomes and
 * cancellations, in any order and with any repetition.
 */
class ReservationStateMachineProperties {

  /** A step of a random history: an outcome, or the customer cancelling. */
  record Step(Outcome outcome, boolean cancel, int secondsLater) {}

  @Property(tries = 2000)
  void statusNeverMovesBackwardsAndHistoryNeverRepeatsAStatus(
      @ForAll("histories") List<Step> steps) {
    Reservation r = Reservations.created();
    for (Step step : steps) {
      Reservation before = r;
      r = run(r, step);
      assertThat(r.status().ordinal()).isGreaterThanOrEqualTo(before.status().ordinal());
      assertThat(r.updatedAt()).isAfterOrEqualTo(before.updatedAt());
    }
    List<ReservationStatus> statuses = r.history().stream().map(StatusChange::status).toList();
    assertThat(statuses).doesNotHaveDuplicates();
    assertThat(statuses).isSortedAccordingTo(java.util.Comparator.naturalOrder());
    assertThat(statuses.get(0)).isEqualTo(ReservationStatus.CREATED);
  }

  @Property(tries = 2000)
  void everyAppliedChangeBumpsTheVersionByOneAndRecordsItsTime(
      @ForAll("histories") List<Step> steps) {
    Reservation r = Reservations.created();
    for (Step step : steps) {
      Instant at = r.updatedAt().plusSeconds(step.secondsLater());
      Transition t = transition(r, step, at);
      if (t instanceof Transition.Applied applied) {
        assertThat(applied.reservation().version()).isEqualTo(r.version() + 1);
        assertThat(applied.expectedVersion()).isEqualTo(r.version());
        applied.historyEntry().ifPresent(h -> assertThat(h.at()).isEqualTo(at));
        assertThat(applied.reservation().updatedAt()).isEqualTo(at);
        r = applied.reservation();
      }
    }
  }

  @Property(tries = 2000)
  void applyingTheSameOutcomeTwiceInARowIsIdempotent(@ForAll("histories") List<Step> steps) {
    Reservation r = Reservations.created();
    for (Step step : steps) {
      r = run(r, step);
      if (step.outcome() != null) {
        assertThat(r.apply(step.outcome(), r.updatedAt().plusSeconds(1)))
            .as("second %s", step.outcome())
            .isNotInstanceOf(Transition.Applied.class);
      }
    }
  }

  @Property(tries = 2000)
  void aReservationIsConfirmedOnlyWhenBothPaymentAndSupplierSucceeded(
      @ForAll("histories") List<Step> steps) {
    Reservation r = Reservations.created();
    for (Step step : steps) {
      r = run(r, step);
      if (r.status() == ReservationStatus.SUPPLIER_CONFIRMED) {
        assertThat(r.paymentStatus()).isIn(PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURED);
        assertThat(r.supplierStatus()).isEqualTo(SupplierStatus.CONFIRMED);
        assertThat(r.paymentIntentId()).isNotNull();
        assertThat(r.supplierBookingReference()).isNotNull();
      }
      if (r.status() == ReservationStatus.PAID) {
        assertThat(r.paymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
      }
    }
  }

  @Property(tries = 2000)
  void whateverACancelledReservationStillHoldsIsAnnouncedForRelease(
      @ForAll("histories") List<Step> steps) {
    Reservation r = Reservations.created();
    for (Step step : steps) {
      Transition t = transition(r, step, r.updatedAt().plusSeconds(1));
      if (t instanceof Transition.Applied applied) {
        Reservation next = applied.reservation();
        boolean holdsMore =
            next.status() == ReservationStatus.CANCELLED
                && (newlyHeld(r, next) || r.status() != ReservationStatus.CANCELLED)
                && (next.paymentStatus().holdsMoney()
                    || next.supplierStatus() == SupplierStatus.CONFIRMED);
        if (holdsMore) {
          assertThat(applied.events()).as("release event after %s", step).isNotEmpty();
        }
        r = next;
      }
    }
  }

  private static boolean newlyHeld(Reservation before, Reservation after) {
    Set<PaymentStatus> held = EnumSet.of(PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURED);
    return (held.contains(after.paymentStatus()) && before.paymentStatus() != after.paymentStatus())
        || (after.supplierStatus() == SupplierStatus.CONFIRMED
            && before.supplierStatus() != SupplierStatus.CONFIRMED);
  }

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Outcome> outcomes =
        Arbitraries.of(
            new Outcome.PaymentAuthorizationStarted(),
            new Outcome.PaymentAuthorized("pi_1"),
            new Outcome.PaymentDeclined("card_declined"),
            new Outcome.PaymentFailed("stripe unavailable"),
            new Outcome.PaymentCaptured(),
            new Outcome.PaymentVoided(),
            new Outcome.PaymentRefunded(),
            new Outcome.SupplierConfirmed("BK-1"),
            new Outcome.SupplierRejected("NO_AVAILABILITY"),
            new Outcome.SupplierCancelled());
    Arbitrary<Step> step =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(10, outcomes.map(o -> new Step(o, false, 1))),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(new Step(null, true, 1))));
    return step.list().ofMaxSize(25);
  }

  private static Reservation run(Reservation r, Step step) {
    Transition t = transition(r, step, r.updatedAt().plusSeconds(step.secondsLater()));
    return t instanceof Transition.Applied applied ? applied.reservation() : r;
  }

  private static Transition transition(Reservation r, Step step, Instant at) {
    return step.cancel() ? r.cancel("customer", at) : r.apply(step.outcome(), at);
  }
}
