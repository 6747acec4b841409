package com.reservas.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The whole saga around one reservation, in an order chosen by the seed: the status projector reads
 * the payment and supplier topics (each in order, records redelivered late, a premature record
 * retried in place while it holds back its partition); the payment and provider consumers read the
 * reservation announcements (redelivered too) and answer as Stripe and the supplier would, under
 * idempotency keys; a consumer may lose an answer for good (dead-lettered after an outage); the
 * client may cancel, the stuck-reservation policy may expire the reservation and reminds it while
 * it waits for an answer.
 *
 * <p>Whatever happened, once the outage is over and the policy has reminded what waits, the
 * reservation is settled: confirmed with the money captured and the car booked, or cancelled with
 * no authorization, capture or booking left held, and no partition blocked.
 */
class SagaProperties {

  /** One outcome record on the payments or suppliers topic. */
  private record Event(int id, Outcome outcome) {}

  @Property(tries = 2000)
  void everyHistoryEndsSettledWithNothingHeld(
      @ForAll long seed, @ForAll boolean cardDeclines, @ForAll boolean carAvailable) {
    Saga saga = new Saga(new Random(seed), cardDeclines, carAvailable);

    saga.runWithFaults(120);
    saga.recover();

    Reservation r = saga.reservation;
    assertThat(saga.blockedPartitions()).as("no partition blocked").isZero();
    assertThat(r.isSettled()).as("settled: %s", saga.trace).isTrue();
    assertThat(r.awaitsOutcome()).as("nothing awaited: %s", saga.trace).isFalse();
    if (r.status() == ReservationStatus.CANCELLED) {
      assertThat(r.paymentStatus())
          .as("no money held: %s", saga.trace)
          .isNotIn(PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURED, PaymentStatus.IN_PROGRESS);
      assertThat(r.supplierStatus())
          .as("no car held: %s", saga.trace)
          .isNotIn(SupplierStatus.CONFIRMED, SupplierStatus.REQUESTED);
    } else {
      assertThat(r.status()).isEqualTo(ReservationStatus.SUPPLIER_CONFIRMED);
      assertThat(r.paymentStatus()).isEqualTo(PaymentStatus.CAPTURED);
      assertThat(r.supplierStatus()).isEqualTo(SupplierStatus.CONFIRMED);
    }
  }

  /** The reservation, the topics between the services, and the services' reactions. */
  private static final class Saga {

    private final Random random;
    private final boolean cardDeclines;
    private final boolean carAvailable;
    private final Deque<Event> payments = new ArrayDeque<>();
    private final Deque<Event> suppliers = new ArrayDeque<>();
    private final Deque<Reservation> toPaymentConsumer = new ArrayDeque<>();
    private final Deque<Reservation> toProviderConsumer = new ArrayDeque<>();
    private final Set<Integer> inbox = new HashSet<>();
    private final List<String> trace = new ArrayList<>();
    private Reservation reservation = Reservations.created();
    private Instant clock = Reservations.NOW;
    private int nextEventId;
    private boolean outage;

    Saga(Random random, boolean cardDeclines, boolean carAvailable) {
      this.random = random;
      this.cardDeclines = cardDeclines;
      this.carAvailable = carAvailable;
      announce(reservation);
    }

    /** Random steps, among them a client cancellation, an expiry, reminders and lost answers. */
    void runWithFaults(int steps) {
      outage = random.nextInt(3) == 0;
      for (int i = 0; i < steps; i++) {
        switch (random.nextInt(10)) {
          case 0, 1 -> project(payments);
          case 2, 3 -> project(suppliers);
          case 4, 5 -> paymentConsumer();
          case 6, 7 -> providerConsumer();
          case 8 ->
              command(
                  random.nextBoolean() ? "cancel" : "expire",
                  random.nextBoolean()
                      ? reservation.cancel("client", tick())
                      : reservation.expire("expired", tick()));
          default -> command("remind", reservation.remind("stuck", tick()));
        }
      }
    }

    /**
     * The outage is over: everything in flight is delivered, and while the reservation waits for an
     * answer the policy reminds it, as it does every {@code remind-after}.
     */
    void recover() {
      outage = false;
      for (int round = 0; round < 10; round++) {
        drain();
        if (!reservation.awaitsOutcome()) {
          return;
        }
        command("remind", reservation.remind("stuck", tick()));
      }
      drain();
    }

    int blockedPartitions() {
      return (payments.isEmpty() ? 0 : 1) + (suppliers.isEmpty() ? 0 : 1);
    }

    private void drain() {
      for (int i = 0; i < 1000 && !quiet(); i++) {
        switch (random.nextInt(4)) {
          case 0 -> project(payments);
          case 1 -> project(suppliers);
          case 2 -> paymentConsumer();
          default -> providerConsumer();
        }
      }
    }

    private boolean quiet() {
      return toPaymentConsumer.isEmpty()
          && toProviderConsumer.isEmpty()
          && (payments.isEmpty() || premature(payments))
          && (suppliers.isEmpty() || premature(suppliers));
    }

    private boolean premature(Deque<Event> topic) {
      Event head = topic.peek();
      return !inbox.contains(head.id())
          && reservation.apply(head.outcome(), clock) instanceof Transition.Premature;
    }

    /** The projector's next record of a topic: applied once, or retried in place if too early. */
    private void project(Deque<Event> topic) {
      Event head = topic.peek();
      if (head == null) {
        return;
      }
      if (inbox.contains(head.id())) {
        topic.poll();
        return;
      }
      Transition t = reservation.apply(head.outcome(), tick());
      if (t instanceof Transition.Premature) {
        return;
      }
      topic.poll();
      inbox.add(head.id());
      trace.add(head.outcome().getClass().getSimpleName());
      record(t);
    }

    private void command(String name, Transition t) {
      if (t instanceof Transition.Applied) {
        trace.add(name);
      }
      record(t);
    }

    private void record(Transition t) {
      if (t instanceof Transition.Applied applied) {
        reservation = applied.reservation();
        if (!applied.events().isEmpty()) {
          announce(reservation);
        }
      }
    }

    /** The relay publishes the snapshot; both consumers read it, maybe twice. */
    private void announce(Reservation snapshot) {
      toPaymentConsumer.add(snapshot);
      toProviderConsumer.add(snapshot);
      if (random.nextInt(5) == 0) {
        toPaymentConsumer.add(snapshot);
      }
      if (random.nextInt(5) == 0) {
        toProviderConsumer.add(snapshot);
      }
    }

    /** Acts on the snapshot as the payment consumer's decision table does. */
    private void paymentConsumer() {
      Reservation s = toPaymentConsumer.poll();
      if (s == null) {
        return;
      }
      ReservationStatus status = s.status();
      PaymentStatus payment = s.paymentStatus();
      if (status == ReservationStatus.CREATED && payment == PaymentStatus.PENDING) {
        publish(payments, new Outcome.PaymentAuthorizationStarted());
        answer(payments, authorization());
      } else if (payment == PaymentStatus.IN_PROGRESS
          && (status == ReservationStatus.PAYMENT_IN_PROGRESS
              || status == ReservationStatus.CANCELLED)) {
        answer(payments, authorization());
      } else if (status == ReservationStatus.SUPPLIER_CONFIRMED
          && payment == PaymentStatus.AUTHORIZED) {
        answer(payments, new Outcome.PaymentCaptured());
      } else if (status == ReservationStatus.CANCELLED && payment == PaymentStatus.AUTHORIZED) {
        answer(payments, new Outcome.PaymentVoided());
      } else if (status == ReservationStatus.CANCELLED && payment == PaymentStatus.CAPTURED) {
        answer(payments, new Outcome.PaymentRefunded());
      }
    }

    /** Acts on the snapshot as the provider consumer's task policy does. */
    private void providerConsumer() {
      Reservation s = toProviderConsumer.poll();
      if (s == null) {
        return;
      }
      ReservationStatus status = s.status();
      SupplierStatus supplier = s.supplierStatus();
      if ((status == ReservationStatus.PAID || status == ReservationStatus.CANCELLED)
          && supplier == SupplierStatus.REQUESTED) {
        answer(
            suppliers,
            carAvailable
                ? new Outcome.SupplierConfirmed("BK-1")
                : new Outcome.SupplierRejected("NO_AVAILABILITY"));
      } else if (status == ReservationStatus.CANCELLED && supplier == SupplierStatus.CONFIRMED) {
        answer(suppliers, new Outcome.SupplierCancelled());
      }
    }

    /** Idempotency keys: the same PaymentIntent (or decline) every time it is asked for. */
    private Outcome authorization() {
      return cardDeclines
          ? new Outcome.PaymentDeclined("card_declined")
          : new Outcome.PaymentAuthorized("pi_1");
    }

    /** During the outage an answer may be lost for good: the record went to the dead letters. */
    private void answer(Deque<Event> topic, Outcome outcome) {
      if (outage && random.nextBoolean()) {
        trace.add("lost " + outcome.getClass().getSimpleName());
        return;
      }
      publish(topic, outcome);
    }

    private void publish(Deque<Event> topic, Outcome outcome) {
      Event event = new Event(nextEventId++, outcome);
      topic.add(event);
      if (random.nextInt(5) == 0) {
        topic.add(event);
      }
    }

    private Instant tick() {
      clock = clock.plusSeconds(1);
      return clock;
    }
  }
}
