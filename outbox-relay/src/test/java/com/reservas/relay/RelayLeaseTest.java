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
      try (Relays relays = Relays.streamingAndStandby(world)) {
        RelayProperties properties = relays.properties();
        RelaySupervisor first = relays.first();
        RelaySupervisor second = relays.second();

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
          TopicReader.Delivery delivery =
              reader.deliveryOf(codes, codes.size(), Duration.ofMinutes(2));
          System.out.printf(
              "[relay] lease: standby took over %d ms after the holder stopped (retry every"
                  + " %s); %d events, %d duplicates%n",
              takeoverMillis,
              properties.lease().retryEvery(),
              delivery.distinct(),
              delivery.duplicates());
          assertThat(delivery.perEventId())
              .as("every event, from one relay or the other")
              .hasSize(2 * EACH);
          assertThat(delivery.duplicates())
              .as("at most the last batch of the first relay again")
              .isLessThanOrEqualTo(properties.engine().maxBatchSize());
          // The relay counts a batch once its acknowledgements are handled, a moment after a
          // reader can see the records.
          await()
              .atMost(Duration.ofSeconds(10))
              .untilAsserted(
                  () ->
                      assertThat(second.state().snapshot().eventsPublished())
                          .as("the events after the takeover came from the second relay")
                          .isGreaterThanOrEqualTo(EACH));
        }
      }
    }
  }

  @Test
  void aRelayWhoseLockConnectionIsCutStopsStreamingAndTheStandbyTakesOver() throws Exception {
    try (ReservationWorld world = new ReservationWorld()) {
      try (Relays relays = Relays.streamingAndStandby(world)) {
        RelayProperties properties = relays.properties();
        RelaySupervisor first = relays.first();
        RelaySupervisor second = relays.second();

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
          assertThat(reader.deliveryOf(codes, codes.size(), Duration.ofMinutes(2)).perEventId())
              .as("published by the relay that took over")
              .hasSize(EACH);
        }
        assertThat(first.state().phase()).isEqualTo(RelayState.Phase.STANDBY);
      }
    }
  }

  /** Two relays with the same settings on one database: the first streams, the second waits. */
  private record Relays(RelayProperties properties, RelaySupervisor first, RelaySupervisor second)
      implements AutoCloseable {

    static Relays streamingAndStandby(ReservationWorld world) {
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
      Relays relays = new Relays(properties, first, second);
      await("the second relay in standby")
          .atMost(Duration.ofSeconds(30))
          .until(() -> second.state().phase() == RelayState.Phase.STANDBY);
      return relays;
    }

    @Override
    public void close() {
      second.close();
      first.close();
    }
  }

  private static List<String> create(ReservationWorld world) {
    return Flux.range(0, EACH)
        .flatMap(i -> world.create(null), 8)
        .collectList()
        .block(Duration.ofMinutes(2));
  }
}
