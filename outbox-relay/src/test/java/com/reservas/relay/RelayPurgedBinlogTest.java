package com.reservas.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.relay.config.RelayProperties;
import com.reservas.relay.engine.RelaySupervisor;
import com.reservas.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import reactor.core.publisher.Flux;

/**
 * A relay whose stored offsets point at binlog files the server has purged (it was down longer than
 * the binlog retention) takes a new snapshot of the outbox table, which is always empty, and
 * streams from the current position, instead of failing on every restart. The events written into
 * the purged files are not in Kafka: the stuck-reservation policy re-announces each reservation
 * that still waits for them (docs/reliability.md, "Offsets in a purged binlog").
 */
@EmbeddedKafka(
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    brokerProperties = {"auto.create.topics.enable=false"})
class RelayPurgedBinlogTest {

  private static String bootstrap;

  @BeforeAll
  static void broker(EmbeddedKafkaBroker broker) {
    bootstrap = broker.getBrokersAsString();
  }

  @Test
  void aRelayWhoseOffsetsPointAtAPurgedBinlogStreamsAgainFromTheCurrentPosition() throws Exception {
    try (ReservationWorld world = new ReservationWorld()) {
      RelayProperties properties =
          RelayHarness.properties(world.database, RelayHarness.nextServerId(), Map.of());
      Set<String> before;
      try (RelaySupervisor relay = RelayHarness.start(properties, bootstrap)) {
        RelayHarness.awaitStreaming(relay);
        before = create(world, 20);
        try (TopicReader reader = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
          assertThat(reader.deliveryOf(before, 20, Duration.ofMinutes(1)).distinct()).isEqualTo(20);
        }
      }

      Set<String> whileDown = create(world, 10);
      purgeEveryBinlogButTheCurrentOne(world);

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (RelaySupervisor relay = RelayHarness.start(properties, bootstrap, registry, p -> p)) {
        RelayHarness.awaitStreaming(relay);
        Set<String> after = create(world, 20);
        try (TopicReader reader = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
          TopicReader.Delivery delivered = reader.deliveryOf(after, 20, Duration.ofMinutes(1));
          TopicReader.Delivery purged = TopicReader.Delivery.of(reader.received(), whileDown);
          double resets = registry.get("reservas.relay.offsets.resets").counter().count();
          System.out.printf(
              "[relay] purged binlog: offsets reset %.0f time(s), engine restarts %d; %d of 20 new"
                  + " events delivered; %d of the 10 written into the purged file (0 expected:"
                  + " the stuck policy re-announces them)%n",
              resets, relay.state().snapshot().restarts(), delivered.distinct(), purged.distinct());
          assertThat(resets).isEqualTo(1);
          assertThat(delivered.distinct()).isEqualTo(20);
          assertThat(purged.distinct()).isZero();
        }
      }
    }
  }

  private static Set<String> create(ReservationWorld world, int count) {
    List<String> codes =
        Flux.range(0, count).flatMap(i -> world.create(null), 4).collectList().block();
    return new HashSet<>(codes);
  }

  /**
   * What a server does to files older than its retention ({@code binlog_expire_logs_seconds}).
   * MariaDB keeps a file until its binlog checkpoint passed it ("may be needed for crash
   * recovery"), so the purge is repeated until one file is left.
   */
  private static void purgeEveryBinlogButTheCurrentOne(ReservationWorld world) throws Exception {
    try (Connection c = world.database.connect();
        Statement statement = c.createStatement()) {
      statement.execute("FLUSH BINARY LOGS");
      Awaitility.await("binlogs purged")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                String current;
                try (ResultSet status = statement.executeQuery("SHOW MASTER STATUS")) {
                  assertThat(status.next()).isTrue();
                  current = status.getString(1);
                }
                statement.execute("PURGE BINARY LOGS TO '" + current + "'");
                int files = 0;
                try (ResultSet logs = statement.executeQuery("SHOW BINARY LOGS")) {
                  while (logs.next()) {
                    files++;
                  }
                }
                return files == 1;
              });
    }
  }
}
