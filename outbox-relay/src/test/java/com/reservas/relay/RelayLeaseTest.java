package com.reservas.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.relay.config.RelayProperties;
import com.reservas.relay.engine.RelayState;
import com.reservas.relay.engine.RelaySupervisor;
import com.reservas.schemas.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import reactor.core.publisher.Flux;

/**
 * Two relays on one outbox and one offsets table (same settings, same replica id, as two replicas
 * of one deployment): one streams, the other waits as a standby and takes over when the first
 * stops; every event is published, none by both.
 */
@EmbeddedKafka(
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    brokerProperties = {"auto.create.topics.enable=false"})
class RelayLeaseTest {

  private static final int EACH = 100;

  private static String bootstrap;

  @BeforeAll
  static void broker(EmbeddedKafkaBroker broker) {
    bootstrap = broker.getBrokersAsString();
  }

  @Test
  void aSecondRelayWaitsAsAStandbyAndTakesOverWhenTheFirstStops() throws Exception {
    try (ReservationWorld world = new ReservationWorld()) {
      RelayProperties properties =
          RelayHarness.properties(
              world.database,
              RelayHarness.nextServerId(),
              Map.of(
                  "reservas.relay.lease.retry-every", "200ms",
                  "reservas.relay.lease.check-every", "500ms"));
      RelaySupervisor first = RelayHarness.start(properties, bootstrap);
      RelayHarness.awaitStreaming(first);
      RelaySupervisor second = RelayHarness.start(properties, bootstrap);
      try {
        await("the second relay in standby")
            .atMost(Duration.ofSeconds(30))
            .until(() -> second.state().phase() == RelayState.Phase.STANDBY);

        Set<String> codes = new HashSet<>(create(world));
        assertThat(second.state().phase())
            .as("the standby never streamed while the first held the lease")
            .isEqualTo(RelayState.Phase.STANDBY);
        assertThat(second.state().snapshot().eventsPublished()).isZero();

        long stoppedAt = System.nanoTime();
        first.close();
        RelayHarness.awaitStreaming(second);
        long takeoverMillis = (System.nanoTime() - stoppedAt) / 1_000_000;
        codes.addAll(create(world));

        try (TopicReader reader = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
          List<TopicReader.Received> mine =
              reader
                  .pollUntil(r -> distinct(r, codes) >= codes.size(), Duration.ofMinutes(2))
                  .stream()
                  .filter(r -> codes.contains(r.record().key()))
                  .toList();
          Map<String, Long> perEventId =
              mine.stream()
                  .collect(Collectors.groupingBy(r -> r.header("eventId"), Collectors.counting()));
          long duplicates = mine.size() - perEventId.size();
          System.out.printf(
              "[relay] lease: standby took over %d ms after the holder stopped (retry every"
                  + " %s); %d events, %d duplicates%n",
              takeoverMillis, properties.lease().retryEvery(), perEventId.size(), duplicates);
          assertThat(perEventId).as("every event, from one relay or the other").hasSize(2 * EACH);
          assertThat(duplicates)
              .as("at most the last batch of the first relay again")
              .isLessThanOrEqualTo(properties.engine().maxBatchSize());
          assertThat(second.state().snapshot().eventsPublished())
              .as("the events after the takeover came from the second relay")
              .isGreaterThanOrEqualTo(EACH);
        }
      } finally {
        second.close();
        first.close();
      }
    }
  }

  @Test
  void aRelayWhoseLockConnectionIsCutStopsStreamingAndTheStandbyTakesOver() throws Exception {
    try (ReservationWorld world = new ReservationWorld()) {
      RelayProperties properties =
          RelayHarness.properties(
              world.database,
              RelayHarness.nextServerId(),
              Map.of(
                  "reservas.relay.lease.retry-every", "200ms",
                  "reservas.relay.lease.check-every", "500ms"));
      RelaySupervisor first = RelayHarness.start(properties, bootstrap);
      RelayHarness.awaitStreaming(first);
      RelaySupervisor second = RelayHarness.start(properties, bootstrap);
      try {
        await("the second relay in standby")
            .atMost(Duration.ofSeconds(30))
            .until(() -> second.state().phase() == RelayState.Phase.STANDBY);

        // A network cut of the first relay's lock connection only: its binlog reader lives on.
        try (Connection admin = world.database.connect();
            PreparedStatement holder =
                admin.prepareStatement(
                    "SELECT IS_USED_LOCK(LEFT(CONCAT('reservas-relay:', DATABASE(), '.', ?), 64))")) {
          holder.setString(1, properties.storage().offsetTable());
          long connectionId;
          try (ResultSet answer = holder.executeQuery()) {
            answer.next();
            connectionId = answer.getLong(1);
          }
          assertThat(connectionId).as("the first relay holds the lock").isPositive();
          admin.createStatement().execute("KILL CONNECTION " + connectionId);
        }

        RelayHarness.awaitStreaming(second);
        await("the first relay stopped streaming and waits")
            .atMost(Duration.ofSeconds(30))
            .until(() -> first.state().phase() == RelayState.Phase.STANDBY);
        Set<String> codes = new HashSet<>(create(world));
        try (TopicReader reader = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
          reader.pollUntil(r -> distinct(r, codes) >= codes.size(), Duration.ofMinutes(2));
        }
        assertThat(first.state().phase()).isEqualTo(RelayState.Phase.STANDBY);
      } finally {
        second.close();
        first.close();
      }
    }
  }

  private static List<String> create(ReservationWorld world) {
    return Flux.range(0, EACH)
        .flatMap(i -> world.create(null), 8)
        .collectList()
        .block(Duration.ofMinutes(2));
  }

  private static long distinct(List<TopicReader.Received> received, Set<String> keys) {
    return received.stream()
        .filter(r -> keys.contains(r.record().key()))
        .map(r -> r.header("eventId"))
        .distinct()
        .count();
  }
}
