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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A reservation's outcome events, delivered the way Kafka delivers them to the projector (each
 * topic in order, the two topics interleaved arbitrarily, any event redelivered late, a premature
 * event retried in place while it holds back its partition), end in the same state and history as
 * the same events applied once, in order. The projector's inbox is modelled by event id. {@link
 * SagaProperties} adds what this fixed list leaves out: cancellations, expiry, reminders and lost
 * answers.
 */
class OutOfOrderDeliveryProperties {

  /** One published outcome event. */
  record Event(int id, String topic, Outcome outcome, Instant at) {}

  /** The outcome events a saga publishes, in the order they were published. */
  record Saga(String name, List<Event> events) {}

  @Property(tries = 1000)
  void anyInterleavingWithDuplicatesEndsLikeTheOrderedSequence(
      @ForAll("sagas") Saga saga, @ForAll long seed) {
    Reservation ordered = inOrder(saga.events());
    Reservation delivered = projector(saga.events(), new Random(seed));

    assertThat(delivered.status()).isEqualTo(ordered.status());
    assertThat(delivered.paymentStatus()).isEqualTo(ordered.paymentStatus());
    assertThat(delivered.supplierStatus()).isEqualTo(ordered.supplierStatus());
    assertThat(delivered.history()).isEqualTo(ordered.history());
    assertThat(delivered.paymentIntentId()).isEqualTo(ordered.paymentIntentId());
    assertThat(delivered.supplierBookingReference()).isEqualTo(ordered.supplierBookingReference());
    assertThat(delivered.version()).isEqualTo(ordered.version());
    assertThat(delivered.updatedAt()).isEqualTo(ordered.updatedAt());
  }

  @Provide
  Arbitrary<Saga> sagas() {
    Instant t0 = Reservations.NOW;
    Saga confirmed =
        new Saga(
            "confirmed",
            List.of(
                new Event(
                    1, "payments", new Outcome.PaymentAuthorizationStarted(), t0.plusSeconds(1)),
                new Event(2, "payments", new Outcome.PaymentAuthorized("pi_1"), t0.plusSeconds(2)),
                new Event(3, "suppliers", new Outcome.SupplierConfirmed("BK-1"), t0.plusSeconds(3)),
                new Event(4, "payments", new Outcome.PaymentCaptured(), t0.plusSeconds(4))));
    Saga declined =
        new Saga(
            "declined",
            List.of(
                new Event(
                    1, "payments", new Outcome.PaymentAuthorizationStarted(), t0.plusSeconds(1)),
                new Event(
                    2,
                    "payments",
                    new Outcome.PaymentDeclined("card_declined"),
                    t0.plusSeconds(2))));
    Saga rejected =
        new Saga(
            "rejected",
            List.of(
                new Event(
                    1, "payments", new Outcome.PaymentAuthorizationStarted(), t0.plusSeconds(1)),
                new Event(2, "payments", new Outcome.PaymentAuthorized("pi_1"), t0.plusSeconds(2)),
                new Event(
                    3,
                    "suppliers",
                    new Outcome.SupplierRejected("NO_AVAILABILITY"),
                    t0.plusSeconds(3)),
                new Event(4, "payments", new Outcome.PaymentVoided(), t0.plusSeconds(4))));
    return Arbitraries.of(confirmed, declined, rejected);
  }

  /**
   * The projector as the listener container runs it: each topic in publication order with late
   * redeliveries; an event that comes too early (e.g. a supplier confirmation before the payment
   * was recorded) is retried in place and holds back the rest of its partition, while the other
   * topic goes on. The inbox drops what it applied before.
   */
  private static Reservation projector(List<Event> events, Random random) {
    Partitions partitions =
        new Partitions(topic(events, "payments", random), topic(events, "suppliers", random));
    Reservation r = Reservations.created();
    Set<Integer> inbox = new HashSet<>();
    while (!partitions.isEmpty()) {
      Deque<Event> next = partitions.pick(random);
      Event head = next.peek();
      if (inbox.contains(head.id())) {
        next.poll();
        continue;
      }
      Transition t = r.apply(head.outcome(), head.at());
      if (t instanceof Transition.Premature) {
        assertThat(partitions.other(next).isEmpty())
            .as("a premature %s waits for the other topic, which has nothing left", head)
            .isFalse();
        partitions.blocked(next);
        continue;
      }
      next.poll();
      partitions.unblocked();
      inbox.add(head.id());
      if (t instanceof Transition.Applied applied) {
        r = applied.reservation();
      }
    }
    return r;
  }

  /** The two partitions a projector instance reads, one of them possibly blocked. */
  private static final class Partitions {
    private final Deque<Event> payments;
    private final Deque<Event> suppliers;
    private Deque<Event> blocked;

    Partitions(Deque<Event> payments, Deque<Event> suppliers) {
      this.payments = payments;
      this.suppliers = suppliers;
    }

    boolean isEmpty() {
      return payments.isEmpty() && suppliers.isEmpty();
    }

    Deque<Event> other(Deque<Event> one) {
      return one == payments ? suppliers : payments;
    }

    /** A partition with records, never the blocked one while the other has some. */
    Deque<Event> pick(Random random) {
      if (blocked != null && !other(blocked).isEmpty()) {
        return other(blocked);
      }
      if (payments.isEmpty()) {
        return suppliers;
      }
      return suppliers.isEmpty() || random.nextBoolean() ? payments : suppliers;
    }

    void blocked(Deque<Event> partition) {
      blocked = partition;
    }

    void unblocked() {
      blocked = null;
    }
  }

  private static Deque<Event> topic(List<Event> events, String topic, Random random) {
    List<Event> stream = new ArrayList<>();
    for (Event e : events) {
      if (e.topic().equals(topic)) {
        stream.add(e);
      }
    }
    int duplicates = stream.isEmpty() ? 0 : random.nextInt(4);
    for (int i = 0; i < duplicates; i++) {
      int from = random.nextInt(stream.size());
      int to = from + 1 + random.nextInt(stream.size() - from);
      stream.add(to, stream.get(from));
    }
    return new ArrayDeque<>(stream);
  }

  private static Reservation inOrder(List<Event> events) {
    Reservation r = Reservations.created();
    for (Event e : events) {
      Transition t = r.apply(e.outcome(), e.at());
      assertThat(t).isInstanceOf(Transition.Applied.class);
      r = ((Transition.Applied) t).reservation();
    }
    return r;
  }
}
