package com.reservas.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.consumer.support.kafka.EventHeaders;
import com.reservas.payment.support.PaymentConsumerIntegrationTest;
import com.reservas.payment.support.ReservationEvents;
import com.reservas.stripe.standin.FailureMode;
import com.reservas.stripe.standin.FaultSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Measurements, printed rather than asserted (except that nothing is lost or charged twice):
 *
 * <ul>
 *   <li>throughput: {@code reservas.measure.events} ReservationCreated events (default 500) from
 *       publication to the last PaymentAuthorized, in events/s;
 *   <li>a Stripe outage: every Stripe request fails with a 500 for {@code reservas.outage.seconds}
 *       (default 5 s in the suite; run with 60 and a wider retry window for the one-minute figure,
 *       see the README) while reservations keep arriving; what happens to them.
 * </ul>
 *
 * <p>This outage stays inside the retry topics by design (none dead-lettered is part of what it
 * measures). An outage longer than every retry, with the authorizations dead-lettered and settled
 * afterwards by the stuck-reservation policy, is {@code StripeOutageRecoveryTest} in local-platform
 * (it needs the projector).
 */
class StripeOutageMeasurementTest extends PaymentConsumerIntegrationTest {

  @Test
  void throughputOfAuthorizations() throws Exception {
    int count = Integer.getInteger("reservas.measure.events", 500);
    try (AuthorizationWatcher warmUp = new AuthorizationWatcher("WU")) {
      for (int i = 0; i < 60; i++) {
        publish(ReservationEvents.created(String.format("WU%06d", i), "pm_card_visa"));
      }
      warmUp.awaitAuthorized(60, Duration.ofSeconds(60));
    }
    try (AuthorizationWatcher watcher = new AuthorizationWatcher("TP")) {
      long start = System.nanoTime();
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        sent.add(publish(ReservationEvents.created(String.format("TP%06d", i), "pm_card_visa")));
      }
      for (Future<RecordMetadata> future : sent) {
        future.get();
      }
      watcher.awaitAuthorized(count, Duration.ofSeconds(120));
      double seconds = (System.nanoTime() - start) / 1e9;

      System.out.printf(
          Locale.ROOT,
          "%n[measure] throughput: %d ReservationCreated → %d PaymentAuthorized in %.2f s = %.0f"
              + " events/s (3 partitions, concurrency 3, Stripe stand-in, embedded Kafka, acks=all,"
              + " 2 outcome events per reservation)%n",
          count,
          watcher.authorized(),
          seconds,
          count / seconds);
      assertThat(watcher.authorized()).isEqualTo(count);
      assertThat(STRIPE.stats().byReservation().entrySet())
          .filteredOn(e -> e.getKey().startsWith("TP"))
          .allSatisfy(e -> assertThat(e.getValue().authorizations()).isEqualTo(1));
    }
  }

  @Test
  void aStripeOutageDelaysReservationsButLosesNoneAndChargesNoneTwice() throws Exception {
    int outageSeconds = Integer.getInteger("reservas.outage.seconds", 5);
    int total = Integer.getInteger("reservas.outage.events", 60);
    Duration spacing = Duration.ofMillis(Math.max(20, outageSeconds * 1000L / total));
    AtomicLong rejectedByBreaker = new AtomicLong();
    List<String> transitions = new CopyOnWriteArrayList<>();
    stripeBreaker()
        .getEventPublisher()
        .onCallNotPermitted(event -> rejectedByBreaker.incrementAndGet());
    stripeBreaker()
        .getEventPublisher()
        .onStateTransition(
            event -> transitions.add(event.getStateTransition().getToState().name()));
    try (AuthorizationWatcher watcher = new AuthorizationWatcher("OUT")) {
      int before = Math.max(1, total / 6);
      for (int i = 0; i < before; i++) {
        send(ReservationEvents.created(String.format("OUT%05d", i), "pm_card_visa"));
      }
      STRIPE.setFaults(FaultSettings.failing(FailureMode.HTTP_500, 1.0));
      long outageStart = System.nanoTime();
      int i = before;
      while (System.nanoTime() - outageStart < outageSeconds * 1_000_000_000L && i < total) {
        send(ReservationEvents.created(String.format("OUT%05d", i++), "pm_card_visa"));
        Thread.sleep(spacing.toMillis());
      }
      Thread.sleep(
          Math.max(0, outageSeconds * 1000L - (System.nanoTime() - outageStart) / 1_000_000));
      int authorizedDuringOutage = watcher.authorized();
      long rejectedDuringOutage = rejectedByBreaker.get();
      long openedDuringOutage = transitions.stream().filter("OPEN"::equals).count();
      STRIPE.clearFaults();
      long recovered = System.nanoTime();
      int sent = i;

      watcher.awaitAuthorized(sent, Duration.ofSeconds(outageSeconds * 3L + 60));
      double catchUp = (watcher.lastAt() - recovered) / 1e9;
      long deadLetters =
          topics.records(DLT, r -> r.key() != null && r.key().startsWith("OUT")).size();
      long chargedTwice =
          STRIPE.stats().byReservation().entrySet().stream()
              .filter(e -> e.getKey().startsWith("OUT"))
              .filter(e -> e.getValue().authorizations() > 1)
              .count();

      System.out.printf(
          Locale.ROOT,
          "%n[measure] Stripe outage: every request failed (HTTP 500) for %d s; %d reservations"
              + " sent (%d before, %d during); authorized during the outage: %d; breaker opened %d"
              + " times and rejected %d calls without reaching Stripe; after recovery all %d"
              + " authorized within %.1f s; lost: %d; dead letters: %d; charged twice: %d%n",
          outageSeconds,
          sent,
          before,
          sent - before,
          authorizedDuringOutage,
          openedDuringOutage,
          rejectedDuringOutage,
          watcher.authorized(),
          catchUp,
          sent - watcher.authorized(),
          deadLetters,
          chargedTwice);
      assertThat(watcher.authorized()).isEqualTo(sent);
      assertThat(deadLetters).isZero();
      assertThat(chargedTwice).isZero();
    }
  }

  /** Counts PaymentAuthorized events of codes with a prefix, published from now on. */
  private final class AuthorizationWatcher implements AutoCloseable {

    private final String prefix;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Boolean> authorized = new HashMap<>();
    private long lastAt;

    AuthorizationWatcher(String prefix) {
      this.prefix = prefix;
      Map<String, Object> props = new HashMap<>();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
      List<TopicPartition> partitions =
          consumer.partitionsFor(OUTCOMES).stream()
              .map(p -> new TopicPartition(OUTCOMES, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
    }

    void awaitAuthorized(int count, Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (authorized() < count && System.nanoTime() < deadline) {
        poll(Duration.ofMillis(100));
      }
    }

    int authorized() {
      poll(Duration.ZERO);
      return authorized.size();
    }

    long lastAt() {
      return lastAt;
    }

    private void poll(Duration timeout) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
        if (record.key() != null
            && record.key().startsWith(prefix)
            && "PaymentAuthorized"
                .equals(
                    EventHeaders.lastValue(record.headers(), EventHeaders.EVENT_TYPE).orElse(""))
            && authorized.put(record.key(), Boolean.TRUE) == null) {
          lastAt = System.nanoTime();
        }
      }
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
