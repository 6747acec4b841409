package com.reservas.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.relay.config.RelayProperties;
import com.reservas.relay.engine.RelayState;
import com.reservas.relay.engine.RelaySupervisor;
import com.reservas.relay.health.RelayHealthIndicator;
import com.reservas.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import reactor.core.publisher.Flux;

/**
 * A failed engine makes the relay unhealthy, says why, and is restarted with backoff; once the
 * database is back the relay is healthy again and delivers what was written meanwhile.
 */
@EmbeddedKafka(
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    brokerProperties = {"auto.create.topics.enable=false"})
class RelayHealthTest {

  private static String bootstrap;

  @BeforeAll
  static void broker(EmbeddedKafkaBroker broker) {
    bootstrap = broker.getBrokersAsString();
  }

  @Test
  void downWhileTheDatabaseIsUnreachableUpAgainOnceItIsBackAndNothingIsLost() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (ReservationWorld world = new ReservationWorld();
        TcpProxy database = new TcpProxy(world.database.port())) {
      // The binlog reader goes through the proxy; offsets and history straight to the server.
      RelayProperties properties =
          RelayHarness.properties(
              world.database,
              RelayHarness.nextServerId(),
              Map.of(
                  "reservas.relay.database.port", Integer.toString(database.port()),
                  "reservas.relay.storage.jdbc-url", world.database.jdbcUrl()));
      try (RelaySupervisor relay = RelayHarness.start(properties, bootstrap, registry, p -> p)) {
        RelayHealthIndicator health = RelayInvalidRowsTest.health(relay);

        // 1. The database port does not answer: the engine fails, is retried with backoff.
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> relay.state().snapshot().restarts() >= 3);
        Health down = health.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsKeys("lastError", "restarts");
        assertThat(String.valueOf(down.getDetails().get("lastError")))
            .containsIgnoringCase("connect");
        assertThat(registry.get("reservas.relay.engine.restarts").counters()).isNotEmpty();
        System.out.printf("[relay] health while the database is unreachable: %s%n", down);

        // 2. The database comes back: the next attempt streams, health is UP.
        database.up();
        RelayHarness.awaitStreaming(relay);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> health.health().getStatus().equals(Status.UP));
        // While the connector streams, its queue depth is read from Debezium's JMX metrics.
        assertThat(registry.get("reservas.relay.queue.depth").gauge().value())
            .isNotNaN()
            .isGreaterThanOrEqualTo(0);
        String before = world.create(null).block();

        // 3. The connection is cut while reservations are created: DOWN, then UP, all delivered.
        database.down();
        List<String> during =
            Flux.range(0, 50).flatMap(i -> world.create(null), 4).collectList().block();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> health.health().getStatus().equals(Status.DOWN));
        System.out.printf("[relay] health after the connection was cut: %s%n", health.health());
        database.up();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> health.health().getStatus().equals(Status.UP));

        Set<String> keys = new HashSet<>(during);
        keys.add(before);
        try (TopicReader reader = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
          List<TopicReader.Received> mine =
              reader
                  .pollUntil(
                      r ->
                          r.stream()
                                  .filter(x -> keys.contains(x.record().key()))
                                  .map(x -> x.record().key())
                                  .distinct()
                                  .count()
                              >= keys.size(),
                      Duration.ofSeconds(60))
                  .stream()
                  .filter(r -> keys.contains(r.record().key()))
                  .toList();
          assertThat(mine.stream().map(r -> r.record().key()).distinct()).hasSize(keys.size());
        }
      }
    }
  }

  @Test
  void aStoppedRelayIsDown() {
    try (ReservationWorld world = new ReservationWorld()) {
      RelaySupervisor relay =
          RelayHarness.start(
              RelayHarness.properties(world.database, RelayHarness.nextServerId(), Map.of()),
              bootstrap);
      RelayHarness.awaitStreaming(relay);
      RelayHealthIndicator health = RelayInvalidRowsTest.health(relay);
      assertThat(health.health().getStatus()).isEqualTo(Status.UP);

      relay.close();

      assertThat(relay.state().phase()).isEqualTo(RelayState.Phase.STOPPED);
      assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }
  }
}
