package com.reservas.platform;

import static com.reservas.platform.PlatformFixture.body;
import static com.reservas.platform.PlatformFixture.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.stripe.standin.FailureMode;
import com.reservas.stripe.standin.FaultSettings;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A Stripe outage longer than every retry of the payment consumer: the authorizations go to its
 * dead-letter topic, and once Stripe is back the stuck-reservation policy's reminders settle every
 * reservation by themselves, each authorized once. Whole platform, in-process.
 *
 * <p>In the suite the intervals are short (retry topics of about 2 s, reminders after 5 s) so the
 * scenario takes a minute. With {@code -Dreservas.recovery.defaults=true} it runs the product's own
 * intervals (retry topics ≈ 151 s, reminders after 2 min, checked every 30 s) with a 200-second
 * outage (or {@code -Dreservas.recovery.outage-seconds=600} for ten minutes): the figures in
 * docs/reliability.md, "Settled within minutes of the recovery".
 */
class StripeOutageRecoveryTest {

  private static final String PAYMENT_DEAD_LETTERS = "reservations.events-payment-consumer-dlt";
  private static final boolean DEFAULTS = Boolean.getBoolean("reservas.recovery.defaults");
  private static final Map<String, String> SHORT_INTERVALS =
      Map.of(
          "reservas.consumer.retry.attempts", "2",
          "reservas.consumer.retry.initial-delay", "500ms",
          "reservas.consumer.retry.max-delay", "1s",
          "reservas.projector.stuck.remind-after", "5s",
          "reservas.projector.stuck.check-every", "1s");

  @AfterAll
  static void forgetIntervals() {
    SHORT_INTERVALS.keySet().forEach(System::clearProperty);
  }

  @Test
  void reservationsWhoseAuthorizationsWereDeadLetteredSettleByThemselvesAfterStripeRecovers()
      throws Exception {
    if (!DEFAULTS) {
      SHORT_INTERVALS.forEach(System::setProperty);
    }
    Duration outage =
        Duration.ofSeconds(Long.getLong("reservas.recovery.outage-seconds", DEFAULTS ? 200 : 15));
    Duration patience = DEFAULTS ? Duration.ofMinutes(8) : Duration.ofMinutes(2);
    int count = 12;
    try (PlatformFixture fixture = new PlatformFixture(Map.of())) {
      fixture.platform.stripe().setFaults(FaultSettings.failing(FailureMode.HTTP_500, 1.0));
      long outageStart = System.nanoTime();
      List<String> codes = new ArrayList<>();
      LocalDate firstDay = LocalDate.parse("2027-09-01");
      for (int i = 0; i < count; i++) {
        LocalDate day = firstDay.plusDays(i);
        codes.add(
            fixture.create(
                body(
                    "MAD-AIRPORT",
                    day + "T09:30:00",
                    day.plusDays(1) + "T09:30:00",
                    "pm_card_visa")));
      }
      // The fault itself: Stripe stays down for the whole outage, whatever happens meanwhile.
      Thread.sleep(Math.max(0, outage.toMillis() - (System.nanoTime() - outageStart) / 1_000_000));
      long deadLettered = deadLettersOf(fixture, Set.copyOf(codes));
      fixture.platform.stripe().clearFaults();
      long recovered = System.nanoTime();

      // Each reservation's time to settle is noted when a poll first sees it captured; a timeout
      // leaves the map short, which the assertions below report with the figures printed.
      Map<String, Double> settledAfter = new HashMap<>();
      try {
        Awaitility.await("every reservation captured")
            .atMost(patience)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> {
                  for (String code : codes) {
                    if (!settledAfter.containsKey(code)
                        && "CAPTURED".equals(field(fixture.get(code), "paymentStatus"))) {
                      settledAfter.put(code, (System.nanoTime() - recovered) / 1e9);
                    }
                  }
                  return settledAfter.size() == count;
                });
      } catch (ConditionTimeoutException notAll) {
        // reported below
      }
      double slowest = settledAfter.values().stream().mapToDouble(d -> d).max().orElse(-1);

      System.out.printf(
          Locale.ROOT,
          "%n[recovery] Stripe down (HTTP 500) for %d s, %s intervals: %d reservations, %d"
              + " authorization events dead-lettered during the outage; after recovery %d of %d"
              + " captured and confirmed, the last %.1f s after Stripe came back; PaymentIntents"
              + " per reservation: %s%n",
          outage.toSeconds(),
          DEFAULTS ? "the product's" : "short test",
          count,
          deadLettered,
          settledAfter.size(),
          count,
          slowest,
          codes.stream().map(c -> fixture.platform.stripe().paymentIntentsCreatedFor(c)).toList());
      assertThat(deadLettered).as("the outage outlasted every retry").isPositive();
      assertThat(settledAfter).as("settled without an operator").hasSize(count);
      assertThat(codes)
          .allSatisfy(
              code -> {
                assertThat(field(fixture.get(code), "status")).isEqualTo("SUPPLIER_CONFIRMED");
                assertThat(fixture.platform.stripe().paymentIntentsCreatedFor(code)).isEqualTo(1);
                assertThat(fixture.platform.supplier().bookingsFor(code)).hasSize(1);
              });
    }
  }

  /** Records of {@code codes} on the payment consumer's dead-letter topic. */
  private static long deadLettersOf(PlatformFixture fixture, Set<String> codes) {
    String bootstrap = "127.0.0.1:" + fixture.environment().get(LocalSettings.KAFKA_PORT);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(PAYMENT_DEAD_LETTERS, Duration.ofSeconds(10)).stream()
              .map(info -> new TopicPartition(PAYMENT_DEAD_LETTERS, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long found = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (codes.contains(record.key())) {
            found++;
          }
        }
      }
      return found;
    }
  }
}
