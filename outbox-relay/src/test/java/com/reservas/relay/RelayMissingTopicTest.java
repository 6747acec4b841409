package com.reservas.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.relay.engine.RelaySupervisor;
import com.reservas.relay.health.RelayHealthIndicator;
import com.reservas.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A missing topic (here: topic creation switched off and the broker not creating topics) never
 * costs an event: the producer blocks, the batch is not acknowledged, the relay reports it and
 * retries, and delivers once the topic exists.
 */
@EmbeddedKafka(
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    brokerProperties = {"auto.create.topics.enable=false"})
class RelayMissingTopicTest {

  private static String bootstrap;

  @BeforeAll
  static void broker(EmbeddedKafkaBroker broker) {
    bootstrap = broker.getBrokersAsString();
  }

  @AfterEach
  void clear() {
    RelayHarness.PRODUCER_OVERRIDES.remove();
  }

  @Test
  void anEventForAMissingTopicWaitsUntilTheTopicExists() throws Exception {
    RelayHarness.PRODUCER_OVERRIDES.set(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000));
    try (ReservationWorld world = new ReservationWorld();
        RelaySupervisor relay =
            RelayHarness.start(
                RelayHarness.properties(
                    world.database,
                    RelayHarness.nextServerId(),
                    Map.of("reservas.relay.topics.create", "false")),
                bootstrap);
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      RelayHarness.awaitStreaming(relay);
      RelayHealthIndicator health = RelayInvalidRowsTest.health(relay);

      String code = world.create(null).block();

      await().atMost(Duration.ofSeconds(30)).until(() -> relay.state().snapshot().restarts() >= 2);
      assertThat(relay.state().snapshot().lastError()).contains(Topics.RESERVATIONS);
      assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
      System.out.printf(
          "[relay] while %s is missing: %s%n", Topics.RESERVATIONS, relay.state().snapshot());

      admin
          .createTopics(
              List.of(new NewTopic(Topics.RESERVATIONS, Optional.of(3), Optional.empty())))
          .all()
          .get();

      try (TopicReader reader = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
        assertThat(
                reader
                    .pollUntil(
                        r -> r.stream().anyMatch(x -> code.equals(x.record().key())),
                        Duration.ofSeconds(60))
                    .stream()
                    .filter(r -> code.equals(r.record().key())))
            .hasSize(1);
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> health.health().getStatus().equals(Status.UP));
    }
  }
}
