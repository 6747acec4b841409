package com.reservas.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.relay.engine.RelaySupervisor;
import com.reservas.schemas.Topics;
import com.reservas.schemas.avro.ReservationCreated;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import reactor.core.publisher.Flux;

/**
 * Reservations created through the use case (outbox row inserted and deleted in the same
 * transaction) reach {@code reservations.events} through the relay: once, keyed by code, with the
 * written bytes and the event headers, in commit order per key.
 */
@EmbeddedKafka(
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    brokerProperties = {"auto.create.topics.enable=false"})
class RelayDeliveryTest {

  private static String bootstrap;

  @BeforeAll
  static void broker(EmbeddedKafkaBroker broker) {
    bootstrap = broker.getBrokersAsString();
  }

  @Test
  @SuppressWarnings("try") // the relay only has to run around the body, and stop after it
  void aReservationCreatedThroughTheUseCaseAppearsOnceWithItsKeyHeadersAndBytes() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (ReservationWorld world = new ReservationWorld();
        RelaySupervisor relay = RelayHarness.streaming(world, bootstrap, registry)) {
      String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

      String code = world.create(traceparent).block();

      try (TopicReader reader = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
        List<TopicReader.Received> mine =
            reader.pollAtLeast(1, Duration.ofSeconds(30), Duration.ofSeconds(1)).stream()
                .filter(r -> code.equals(r.record().key()))
                .toList();
        assertThat(mine).hasSize(1);
        TopicReader.Received received = mine.get(0);
        String eventId = received.header("eventId");
        world.assertPublishedAsAppended(received.record().value(), eventId);
        assertThat(received.header("eventType")).isEqualTo("ReservationCreated");
        assertThat(received.header("traceparent")).isEqualTo(traceparent);
        SpecificRecord decoded = world.codec.decode(received.record().value());
        assertThat(decoded).isInstanceOf(ReservationCreated.class);
        assertThat(((ReservationCreated) decoded).getReservation().getCode()).isEqualTo(code);
        assertThat(((ReservationCreated) decoded).getMetadata().getEventId()).isEqualTo(eventId);
      }
      try (Connection c = world.database.connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbox_event")) {
        rs.next();
        assertThat(rs.getLong(1)).as("insert + delete: the table stays empty").isZero();
      }
      assertThat(
              registry
                  .get("reservas.relay.events")
                  .tag("topic", Topics.RESERVATIONS)
                  .counter()
                  .count())
          .isEqualTo(1);
      assertThat(registry.get("reservas.relay.lag").timer().count()).isEqualTo(1);
    }
  }

  @Test
  void theMysqlConnectorIsChosenByConfigurationAndReadsTheSameBinlog() throws Exception {
    try (ReservationWorld world = new ReservationWorld();
        RelaySupervisor relay =
            RelayHarness.start(
                RelayHarness.properties(
                    world.database,
                    RelayHarness.nextServerId(),
                    Map.of("reservas.relay.connector", "mysql")),
                bootstrap)) {
      RelayHarness.awaitStreaming(relay);

      String code = world.create(null).block();

      try (TopicReader reader = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
        List<TopicReader.Received> mine =
            reader
                .pollUntil(
                    r -> r.stream().anyMatch(x -> code.equals(x.record().key())),
                    Duration.ofSeconds(30))
                .stream()
                .filter(r -> code.equals(r.record().key()))
                .toList();
        assertThat(mine).hasSize(1);
        world.assertPublishedAsAppended(
            mine.get(0).record().value(), mine.get(0).header("eventId"));
      }
    }
  }

  @Test
  void aThousandConcurrentReservationsArriveEachOnceInCommitOrderPerKey() throws Exception {
    int reservations = 1000;
    try (ReservationWorld world = new ReservationWorld();
        RelaySupervisor relay =
            RelayHarness.start(
                RelayHarness.properties(world.database, RelayHarness.nextServerId(), Map.of()),
                bootstrap)) {
      RelayHarness.awaitStreaming(relay);

      // Each reservation is created, then cancelled: two events per key, in that commit order.
      List<String> codes =
          Flux.range(0, reservations)
              .flatMap(
                  i -> world.create(null).flatMap(code -> world.cancel(code).thenReturn(code)), 32)
              .collectList()
              .block(Duration.ofMinutes(3));
      assertThat(new HashSet<>(codes)).hasSize(reservations);
      Set<String> keys = new HashSet<>(codes);

      try (TopicReader reader = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
        List<TopicReader.Received> mine =
            reader
                .pollUntil(
                    r ->
                        r.stream()
                                .filter(x -> keys.contains(x.record().key()))
                                .map(x -> x.header("eventId"))
                                .distinct()
                                .count()
                            >= 2L * reservations,
                    Duration.ofMinutes(2))
                .stream()
                .filter(r -> keys.contains(r.record().key()))
                .toList();
        reader.poll(Duration.ofMillis(500));
        mine = reader.received().stream().filter(r -> keys.contains(r.record().key())).toList();

        Map<String, Long> perEventId =
            mine.stream()
                .collect(Collectors.groupingBy(r -> r.header("eventId"), Collectors.counting()));
        long duplicates = mine.size() - perEventId.size();
        System.out.printf(
            "[relay] %d reservations created+cancelled concurrently: %d events received, %d"
                + " distinct, %d duplicates%n",
            reservations, mine.size(), perEventId.size(), duplicates);
        assertThat(perEventId).as("every event arrives (none lost)").hasSize(2 * reservations);
        assertThat(duplicates).as("no duplicates without a failure").isZero();

        Map<String, List<String>> typesPerKey = new HashMap<>();
        Map<String, Integer> partitionPerKey = new LinkedHashMap<>();
        for (TopicReader.Received r : mine) {
          typesPerKey
              .computeIfAbsent(r.record().key(), k -> new java.util.ArrayList<>())
              .add(r.header("eventType"));
          partitionPerKey.merge(
              r.record().key(),
              r.record().partition(),
              (a, b) -> {
                assertThat(a).as("one partition per key").isEqualTo(b);
                return a;
              });
        }
        assertThat(typesPerKey).hasSize(reservations);
        assertThat(typesPerKey.values())
            .allSatisfy(
                types ->
                    assertThat(types)
                        .containsExactly("ReservationCreated", "ReservationCancelled"));
      }
    }
  }
}
