package com.reservas.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.relay.config.RelayProperties;
import com.reservas.relay.engine.RelaySupervisor;
import com.reservas.schemas.Topics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Measures (and prints; asserts only that nothing is lost) the relay's commit→Kafka latency and its
 * bulk throughput on this machine. Sizes: {@code -Drelay.measure.latency.events=1000
 * -Drelay.measure.bulk.events=20000}. Run alone with {@code ./mvnw -pl outbox-relay -am verify
 * -Dtest=RelayMeasurementTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EmbeddedKafka(
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    brokerProperties = {"auto.create.topics.enable=false"})
class RelayMeasurementTest {

  private static final int LATENCY_EVENTS =
      Integer.getInteger("relay.measure.latency.events", 1000);
  private static final int BULK_EVENTS = Integer.getInteger("relay.measure.bulk.events", 20000);
  private static final int LATENCY_CONCURRENCY =
      Integer.getInteger("relay.measure.latency.concurrency", 4);

  private static String bootstrap;

  @BeforeAll
  static void broker(EmbeddedKafkaBroker broker) {
    bootstrap = broker.getBrokersAsString();
  }

  @Test
  void commitToKafkaLatencyAndBulkThroughput() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (ReservationWorld world = new ReservationWorld()) {
      RelayProperties properties =
          RelayHarness.properties(
              world.database,
              RelayHarness.nextServerId(),
              Map.of(
                  "reservas.relay.engine.offset-flush-interval",
                  System.getProperty("relay.measure.offset.flush.interval", "0ms")));

      // 1. Latency: reservations created at a steady pace through the use case; the time from
      // the commit (the create's completion) to a consumer receiving the event.
      TimingProducer timing = new TimingProducer();
      RelaySupervisor relay = RelayHarness.start(properties, bootstrap, registry, timing::wrap);
      RelayHarness.awaitStreaming(relay);
      world.create(null).block(); // warm-up: codec, pools, producer metadata
      Map<String, Long> committedAt = new ConcurrentHashMap<>();
      List<Long> latenciesMicros = new ArrayList<>();
      List<Long> toSendMicros = new ArrayList<>();
      List<Long> toAckMicros = new ArrayList<>();
      List<Long> toReceiveMicros = new ArrayList<>();
      try (TopicReader reader = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
        reader.poll(Duration.ofMillis(200));
        int skip = reader.received().size();
        CompletableFuture<Void> writing =
            Flux.range(0, LATENCY_EVENTS)
                .flatMap(
                    i ->
                        world
                            .create(null)
                            .doOnNext(code -> committedAt.put(code, System.nanoTime())),
                    LATENCY_CONCURRENCY)
                .subscribeOn(Schedulers.boundedElastic())
                .then()
                .toFuture();
        long started = System.nanoTime();
        List<TopicReader.Received> received =
            reader.pollUntil(
                r -> r.size() - skip >= LATENCY_EVENTS && writing.isDone(), Duration.ofMinutes(3));
        writing.get(1, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;
        for (TopicReader.Received r : received.subList(skip, received.size())) {
          Long committed = committedAt.get(r.record().key());
          if (committed != null) {
            // A receipt can precede the completion callback by a hair: count it as zero.
            latenciesMicros.add(Math.max(0, (r.receivedNanos() - committed) / 1000));
            Long sent = timing.sentNanos.get(r.record().key());
            Long acked = timing.ackedNanos.get(r.record().key());
            if (sent != null && acked != null) {
              // (the ack callback can run after a consumer already received the record)
              toSendMicros.add(Math.max(0, (sent - committed) / 1000));
              toAckMicros.add((acked - sent) / 1000);
              toReceiveMicros.add(Math.max(0, (r.receivedNanos() - acked) / 1000));
            }
          }
        }
        assertThat(latenciesMicros).hasSize(LATENCY_EVENTS);
        Collections.sort(latenciesMicros);
        System.out.printf(
            "[relay] commit→Kafka latency over %d reservations (%d concurrent writers, %.0f/s):"
                + " median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
            LATENCY_EVENTS,
            LATENCY_CONCURRENCY,
            LATENCY_EVENTS / seconds,
            percentile(latenciesMicros, 0.50),
            percentile(latenciesMicros, 0.95),
            percentile(latenciesMicros, 0.99),
            latenciesMicros.get(latenciesMicros.size() - 1) / 1000.0);
        System.out.printf(
            "[relay]   stages (median / p99): commit→handed to the producer %s, producer→acked"
                + " (acks=all) %s, acked→received by a consumer %s%n",
            medianAndP99(toSendMicros), medianAndP99(toAckMicros), medianAndP99(toReceiveMicros));
        Timer lag = registry.get("reservas.relay.lag").timer();
        StringBuilder relayView = new StringBuilder();
        for (ValueAtPercentile p : lag.takeSnapshot().percentileValues()) {
          relayView.append(
              String.format(
                  " p%.0f %.1f ms", p.percentile() * 100, p.value(TimeUnit.MILLISECONDS)));
        }
        System.out.printf(
            "[relay] the relay's own reservas.relay.lag (created_at→ack), %d events:%s%n",
            lag.count(), relayView);
      }
      relay.close();

      // 2. Throughput: a backlog written while the relay is stopped (insert + delete per row,
      // 100 rows per transaction), then the time the restarted relay needs to publish it all.
      byte[] payload = world.encoded.values().iterator().next();
      long writeStart = System.nanoTime();
      writeBacklog(world, payload, BULK_EVENTS, 100);
      double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
      try (TopicReader reader = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
        reader.poll(Duration.ofMillis(200));
        int before = reader.received().size();
        long restart = System.nanoTime();
        RelaySupervisor again = RelayHarness.start(properties, bootstrap);
        try {
          List<TopicReader.Received> received =
              reader.pollUntil(r -> r.size() - before >= BULK_EVENTS, Duration.ofMinutes(5));
          List<TopicReader.Received> backlog = received.subList(before, received.size());
          assertThat(backlog).hasSize(BULK_EVENTS);
          long first = backlog.get(0).receivedNanos();
          long last = backlog.get(backlog.size() - 1).receivedNanos();
          System.out.printf(
              "[relay] bulk: %d events (%d-byte payloads) written in %.1f s; restarted relay"
                  + " published them in %.2f s from restart (%.0f events/s), %.2f s from first to"
                  + " last (%.0f events/s)%n",
              BULK_EVENTS,
              payload.length,
              writeSeconds,
              (last - restart) / 1e9,
              BULK_EVENTS / ((last - restart) / 1e9),
              (last - first) / 1e9,
              BULK_EVENTS / ((last - first) / 1e9));
        } finally {
          again.close();
        }
      }
    }
  }

  private static void writeBacklog(ReservationWorld world, byte[] payload, int rows, int perTx)
      throws Exception {
    try (Connection c = world.database.connect();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, payload,"
                    + " traceparent, created_at) VALUES (?, ?, ?, 'ReservationCreated', ?, NULL, ?)");
        PreparedStatement delete = c.prepareStatement("DELETE FROM outbox_event WHERE id = ?")) {
      c.setAutoCommit(false);
      for (int i = 0; i < rows; i++) {
        String id = UUID.randomUUID().toString();
        insert.setString(1, id);
        insert.setString(2, Topics.RESERVATIONS);
        insert.setString(3, String.format("BULK%04d", i % 10000));
        insert.setBytes(4, payload);
        insert.setTimestamp(5, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
        insert.executeUpdate();
        delete.setString(1, id);
        delete.executeUpdate();
        if ((i + 1) % perTx == 0) {
          c.commit();
        }
      }
      c.commit();
    }
  }

  private static String medianAndP99(List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    return String.format("%.1f / %.1f ms", percentile(sorted, 0.5), percentile(sorted, 0.99));
  }

  private static double percentile(List<Long> sortedMicros, double p) {
    int index = (int) Math.ceil(p * sortedMicros.size()) - 1;
    return sortedMicros.get(Math.max(0, index)) / 1000.0;
  }
}
