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
 * Issue "status projector", item 2: a reservation's outcome events, delivered the way Kafka may
 * deliver them to the projector (each topic in order, the two topics interleaved arbitrarily, any
 * event redelivered late, a premature event retried later), end in the same state and history as
 * the same events applied once, in order. The projector's inbox is modelled by event id.
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
    Reservation delivered = projector(deliveries(saga.events(), new Random(seed)));

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

  /** Each topic in publication order with late redeliveries, the topics interleaved at random. */
  private static List<Event> deliveries(List<Event> events, Random random) {
    Deque<Event> payments = topic(events, "payments", random);
    Deque<Event> suppliers = topic(events, "suppliers", random);
    List<Event> delivered = new ArrayList<>();
    while (!payments.isEmpty() || !suppliers.isEmpty()) {
      Deque<Event> next =
          suppliers.isEmpty() || (!payments.isEmpty() && random.nextBoolean())
              ? payments
              : suppliers;
      delivered.add(next.poll());
    }
    return delivered;
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

  /** The projector: inbox by event id; a premature event waits and is retried after progress. */
  private static Reservation projector(List<Event> deliveries) {
    Reservation r = Reservations.created();
    Set<Integer> inbox = new HashSet<>();
    Deque<Event> waiting = new ArrayDeque<>();
    for (Event event : deliveries) {
      waiting.add(event);
      boolean progress = true;
      while (progress) {
        progress = false;
        for (int i = waiting.size(); i > 0; i--) {
          Event next = waiting.poll();
          if (inbox.contains(next.id())) {
            continue;
          }
          Transition t = r.apply(next.outcome(), next.at());
          if (t instanceof Transition.Premature) {
            waiting.add(next);
            continue;
          }
          inbox.add(next.id());
          if (t instanceof Transition.Applied applied) {
            r = applied.reservation();
          }
          progress = true;
        }
      }
    }
    assertThat(waiting).as("every event is applied in the end").isEmpty();
    return r;
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
