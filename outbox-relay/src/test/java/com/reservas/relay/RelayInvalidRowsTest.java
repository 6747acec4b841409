package com.reservas.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.relay.engine.RelayState;
import com.reservas.relay.engine.RelaySupervisor;
import com.reservas.relay.health.RelayHealthIndicator;
import com.reservas.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Rows the writers never produce (an unknown aggregate type, an UPDATE of an outbox row) are
 * handled by the configured policy; the relay never crashes silently on them.
 */
@EmbeddedKafka(
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    brokerProperties = {"auto.create.topics.enable=false"})
class RelayInvalidRowsTest {

  private static final byte[] PAYLOAD = "not avro".getBytes(StandardCharsets.UTF_8);
  private static String bootstrap;

  @BeforeAll
  static void broker(EmbeddedKafkaBroker broker) {
    bootstrap = broker.getBrokersAsString();
  }

  @Test
  void byDefaultUnknownAggregateTypesAreDeadLetteredAndUpdatesSkippedWhileTheRelayGoesOn()
      throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (ReservationWorld world = new ReservationWorld();
        RelaySupervisor relay = RelayHarness.streaming(world, bootstrap, registry)) {

      String unknownId =
          world.insertOutboxRow("bogus.events", "DLQ00001", "Whatever", PAYLOAD, false);
      String keptId =
          world.insertOutboxRow(
              Topics.RESERVATIONS, "KEPT0001", "ReservationCreated", PAYLOAD, true);
      world.updateOutboxRow(keptId, "ReservationTampered");
      String code = world.create(null).block();

      try (TopicReader invalid = new TopicReader(bootstrap, "outbox.invalid");
          TopicReader reservations = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
        List<TopicReader.Received> dead = deadLettersOf(invalid, unknownId);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).record().key()).isEqualTo("DLQ00001");
        assertThat(dead.get(0).record().value()).isEqualTo(PAYLOAD);
        assertThat(dead.get(0).header("invalidReason"))
            .contains("unknown aggregate type 'bogus.events'");
        assertThat(dead.get(0).header("originalAggregateType")).isEqualTo("bogus.events");

        List<TopicReader.Received> published =
            reservations
                .pollUntil(
                    r -> r.stream().anyMatch(x -> code.equals(x.record().key())),
                    Duration.ofSeconds(30))
                .stream()
                .filter(r -> code.equals(r.record().key()) || "KEPT0001".equals(r.record().key()))
                .toList();
        assertThat(published)
            .as("the kept row's insert is published once, its update is not")
            .extracting(r -> r.header("eventType"))
            .containsExactly("ReservationCreated", "ReservationCreated");
      }
      assertThat(
              registry
                  .get("reservas.relay.invalid.rows")
                  .tag("reason", "update")
                  .tag("action", "skipped")
                  .counter()
                  .count())
          .isEqualTo(1);
      assertThat(
              registry
                  .get("reservas.relay.invalid.rows")
                  .tag("reason", "unknown-aggregate-type")
                  .tag("action", "dead-lettered")
                  .counter()
                  .count())
          .isEqualTo(1);
      assertHealthy(relay);
    }
  }

  @Test
  void anEventTooLargeForKafkaIsDeadLetteredAsAMarkerAndTheEventsBehindItFlow() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (ReservationWorld world = new ReservationWorld();
        RelaySupervisor relay = RelayHarness.streaming(world, bootstrap, registry)) {

      // Over the producer's max.request.size (1 MB): Kafka can never take it.
      String hugeId =
          world.insertOutboxRow(
              Topics.RESERVATIONS, "HUGE0001", "ReservationCreated", new byte[2_000_000], false);
      String code = world.create(null).block();

      try (TopicReader invalid = new TopicReader(bootstrap, "outbox.invalid");
          TopicReader reservations = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
        assertThat(
                reservations
                    .pollUntil(
                        r -> r.stream().anyMatch(x -> code.equals(x.record().key())),
                        Duration.ofSeconds(30))
                    .stream()
                    .map(r -> r.record().key()))
            .as("the events behind it are published; it is not")
            .contains(code)
            .doesNotContain("HUGE0001");
        List<TopicReader.Received> markers = deadLettersOf(invalid, hugeId);
        assertThat(markers).hasSize(1);
        assertThat(markers.get(0).record().key()).isEqualTo("HUGE0001");
        assertThat(markers.get(0).record().value()).isEmpty();
        assertThat(markers.get(0).header("invalidReason"))
            .contains("2000000 bytes is too large for Kafka");
        assertThat(markers.get(0).header("originalAggregateType")).isEqualTo(Topics.RESERVATIONS);
      }
      assertThat(
              registry
                  .get("reservas.relay.invalid.rows")
                  .tag("reason", "too-large")
                  .tag("action", "dead-lettered")
                  .counter()
                  .count())
          .isEqualTo(1);
      assertHealthy(relay);
    }
  }

  @Test
  void skipAndLogDropsTheRowAndGoesOn() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (ReservationWorld world = new ReservationWorld();
        RelaySupervisor relay =
            RelayHarness.start(
                RelayHarness.properties(
                    world.database,
                    RelayHarness.nextServerId(),
                    Map.of("reservas.relay.invalid-row", "skip-and-log")),
                bootstrap,
                registry,
                p -> p)) {
      RelayHarness.awaitStreaming(relay);

      world.insertOutboxRow("bogus.events", "SKIP0001", "Whatever", PAYLOAD, false);
      String code = world.create(null).block();

      try (TopicReader reservations = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
        assertThat(
                reservations
                    .pollUntil(
                        r -> r.stream().anyMatch(x -> code.equals(x.record().key())),
                        Duration.ofSeconds(30))
                    .stream()
                    .filter(r -> code.equals(r.record().key())))
            .hasSize(1);
      }
      assertThat(
              registry
                  .get("reservas.relay.invalid.rows")
                  .tag("reason", "unknown-aggregate-type")
                  .tag("action", "skipped")
                  .counter()
                  .count())
          .isEqualTo(1);
      assertHealthy(relay);
    }
  }

  @Test
  void failStopsOnTheRowUnhealthyAndRetryingAndPublishesNothingAfterIt() throws Exception {
    try (ReservationWorld world = new ReservationWorld();
        RelaySupervisor relay =
            RelayHarness.start(
                RelayHarness.properties(
                    world.database,
                    RelayHarness.nextServerId(),
                    Map.of("reservas.relay.invalid-row", "fail")),
                bootstrap)) {
      RelayHarness.awaitStreaming(relay);
      RelayHealthIndicator health = health(relay);

      world.insertOutboxRow("bogus.events", "FAIL0001", "Whatever", PAYLOAD, false);
      String code = world.create(null).block();

      await().atMost(Duration.ofSeconds(30)).until(() -> relay.state().snapshot().restarts() >= 2);
      RelayState.Snapshot state = relay.state().snapshot();
      assertThat(state.lastError()).contains("unknown aggregate type 'bogus.events'");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> health.health().getStatus().equals(Status.DOWN));
      assertThat(health.health().getDetails()).containsKey("lastError");
      try (TopicReader reservations = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
        assertThat(
                reservations.pollAtLeast(0, Duration.ZERO, Duration.ofSeconds(2)).stream()
                    .filter(r -> code.equals(r.record().key())))
            .as("nothing after the invalid row is published: order is kept, the line stops")
            .isEmpty();
      }
    }
  }

  static RelayHealthIndicator health(RelaySupervisor relay) {
    return new RelayHealthIndicator(
        () -> relay.state().snapshot(), Duration.ofSeconds(5), Clock.systemUTC());
  }

  static void assertHealthy(RelaySupervisor relay) {
    RelayState.Snapshot state = relay.state().snapshot();
    assertThat(state.phase()).isEqualTo(RelayState.Phase.RUNNING);
    assertThat(state.restarts()).isZero();
    assertThat(health(relay).health().getStatus()).isEqualTo(Status.UP);
  }

  /**
   * The records on the dead-letter topic for one outbox row. The topic is read from the beginning
   * and the class's other tests write to it too, so this waits for that row's, not the first one.
   */
  private static List<TopicReader.Received> deadLettersOf(TopicReader invalid, String eventId) {
    return invalid
        .pollUntil(
            r -> r.stream().anyMatch(x -> eventId.equals(x.header("eventId"))),
            Duration.ofSeconds(30))
        .stream()
        .filter(r -> eventId.equals(r.header("eventId")))
        .toList();
  }
}
