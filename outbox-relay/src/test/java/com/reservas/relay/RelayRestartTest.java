package com.reservas.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.relay.config.RelayProperties;
import com.reservas.relay.engine.RelayState;
import com.reservas.relay.engine.RelaySupervisor;
import com.reservas.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Offsets are durable and committed only after Kafka acknowledged: a relay stopped while
 * reservations keep being created resumes where it stopped, and a batch Kafka did not acknowledge
 * is delivered again instead of being lost. Duplicates stay within one batch.
 */
@EmbeddedKafka(
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    brokerProperties = {"auto.create.topics.enable=false"})
class RelayRestartTest {

  private static String bootstrap;

  @BeforeAll
  static void broker(EmbeddedKafkaBroker broker) {
    bootstrap = broker.getBrokersAsString();
  }

  @Test
  void aRelayStoppedWhileReservationsAreCreatedDeliversThemAllAfterItsRestart() throws Exception {
    int total = 1200;
    try (ReservationWorld world = new ReservationWorld()) {
      RelayProperties properties =
          RelayHarness.properties(world.database, RelayHarness.nextServerId(), Map.of());
      RelaySupervisor first = RelayHarness.start(properties, bootstrap);
      RelayHarness.awaitStreaming(first);

      Set<String> codes = ConcurrentHashMap.newKeySet();
      AtomicInteger committed = new AtomicInteger();
      var writing =
          Flux.range(0, total)
              .flatMap(i -> world.create(null), 8)
              .doOnNext(
                  code -> {
                    codes.add(code);
                    committed.incrementAndGet();
                  })
              .subscribeOn(Schedulers.boundedElastic())
              .then()
              .toFuture();

      awaitCommitted(committed, total / 4);
      first.close();
      int atStop = committed.get();
      awaitCommitted(committed, total * 3 / 4);
      RelaySupervisor second = RelayHarness.start(properties, bootstrap);
      int atRestart = committed.get();
      try {
        writing.get();
        assertThat(codes).hasSize(total);

        try (TopicReader reader = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
          TopicReader.Delivery delivery = reader.deliveryOf(codes, total, Duration.ofMinutes(2));
          System.out.printf(
              "[relay] restart: %d reservations, relay stopped after %d commits and restarted"
                  + " after %d: %d events received, %d distinct, %d duplicates%n",
              total,
              atStop,
              atRestart,
              delivery.records().size(),
              delivery.distinct(),
              delivery.duplicates());
          assertThat(delivery.perEventId()).as("none lost").hasSize(total);
          assertThat(delivery.duplicates())
              .as("duplicates bounded by one batch")
              .isLessThanOrEqualTo(properties.engine().maxBatchSize());
        }
      } finally {
        second.close();
      }
    }
  }

  @Test
  void aBatchKafkaDidNotAcknowledgeIsDeliveredAgainNotLost() throws Exception {
    int total = 400;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    FailingProducer failing = new FailingProducer(150);
    try (ReservationWorld world = new ReservationWorld()) {
      RelayProperties properties =
          RelayHarness.properties(world.database, RelayHarness.nextServerId(), Map.of());
      try (RelaySupervisor relay =
          RelayHarness.start(properties, bootstrap, registry, failing::wrap)) {
        RelayHarness.awaitStreaming(relay);

        List<String> codes =
            Flux.range(0, total)
                .flatMap(i -> world.create(null), 8)
                .collectList()
                .block(Duration.ofMinutes(2));
        Set<String> keys = new HashSet<>(codes);

        try (TopicReader reader = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
          TopicReader.Delivery delivery = reader.deliveryOf(keys, total, Duration.ofMinutes(2));
          RelayState.Snapshot state = relay.state().snapshot();
          System.out.printf(
              "[relay] unacknowledged send #150 of %d: %d events received, %d distinct, %d"
                  + " duplicates, %d engine restart(s), last error: %s%n",
              total,
              delivery.records().size(),
              delivery.distinct(),
              delivery.duplicates(),
              state.restarts(),
              state.lastError());
          assertThat(delivery.perEventId()).as("none lost").hasSize(total);
          assertThat(delivery.duplicates()).isLessThanOrEqualTo(properties.engine().maxBatchSize());
          assertThat(state.restarts()).isEqualTo(1);
          assertThat(state.lastError()).contains("injected: no acknowledgement for send #150");
          assertThat(registry.get("reservas.relay.engine.restarts").counter().count()).isEqualTo(1);
        }
      }
    }
  }

  private static void awaitCommitted(AtomicInteger committed, int count) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> committed.get() >= count);
  }
}
