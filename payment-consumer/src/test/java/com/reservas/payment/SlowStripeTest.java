package com.reservas.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.payment.support.PaymentConsumerIntegrationTest;
import com.reservas.payment.support.ReservationEvents;
import com.reservas.stripe.standin.FaultSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A slow Stripe makes the consumer slow, not stuck (docs/reliability.md, "Bounded work per poll"):
 * with the poll interval scaled down to 2 s and each record taking about 0.2 s, twenty records per
 * partition take longer than the interval. Were they all handled in one poll, the consumer would be
 * evicted before committing and the group would handle the same records for ever; with
 * max-poll-records derived from the slowest record, every poll fits and the group's committed
 * offsets reach the end.
 */
@TestPropertySource(
    properties = {
      "spring.kafka.consumer.properties.max.poll.interval.ms=2000",
      "reservas.consumer.slowest-record=700ms"
    })
class SlowStripeTest extends PaymentConsumerIntegrationTest {

  @Test
  void manyRecordsBehindASlowStripeAreAllCommittedNotReprocessedForEver() throws Exception {
    STRIPE.setFaults(FaultSettings.slow(Duration.ofMillis(150)));
    List<String> codes =
        IntStream.range(0, 60).mapToObj(i -> String.format("SLOW%04d", i)).toList();

    codes.forEach(code -> send(ReservationEvents.created(code, "pm_card_visa")));

    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> committed(admin) == codes.size());
    }
    for (String code : codes) {
      assertThat(STRIPE.paymentIntentsCreatedFor(code)).as(code).isEqualTo(1);
    }
  }

  /** How many records of the input topic the group has committed. */
  private long committed(Admin admin) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets("payment-consumer").partitionsToOffsetAndMetadata().get();
    return committed.entrySet().stream()
        .filter(e -> e.getKey().topic().equals(INPUT) && e.getValue() != null)
        .mapToLong(e -> e.getValue().offset())
        .sum();
  }
}
