package com.reservas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.consumer.support.kafka.EventHeaders;
import com.reservas.consumer.support.kafka.OutcomeEvents;
import com.reservas.reservation.application.port.out.WebhookEndpointStore;
import com.reservas.reservation.domain.webhook.WebhookEndpoint;
import com.reservas.schemas.avro.EventMetadata;
import com.reservas.schemas.serde.AvroEventSerializer;
import com.reservas.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The dispatcher as a process: stopped while deliveries wait for a receiver that is down, and while
 * more changes arrive, it delivers every one of them, in order, once it runs again.
 */
@EmbeddedKafka(partitions = 3, topics = "reservations.events")
class DispatcherRestartTest {

  private static final Duration PATIENCE = Duration.ofSeconds(40);

  @Test
  void aDispatcherStoppedMidwayDeliversEverythingInOrderAfterItsRestart(EmbeddedKafkaBroker broker)
      throws Exception {
    TestDatabase database = TestDatabase.create();
    String code = "RS000001";
    try (Receiver receiver = new Receiver();
        KafkaProducer<String, SpecificRecord> producer = producer(broker)) {
      receiver.answer(body -> 503);
      ConfigurableApplicationContext first = start(database, broker);
      WebhookEndpoint endpoint =
          new WebhookEndpoint(
              UUID.randomUUID().toString(),
              "client-r",
              receiver.url(),
              List.of("reservation.status_changed"),
              true,
              Instant.now().truncatedTo(ChronoUnit.MICROS));
      first.getBean(WebhookEndpointStore.class).insert(endpoint, "whsec_restart", 10).block();
      String[] statuses = {
        "CREATED", "PAYMENT_IN_PROGRESS", "PAID", "SUPPLIER_CONFIRMED", "CANCELLED"
      };
      for (int v = 0; v < 3; v++) {
        send(
            producer,
            code,
            WebhookDeliveryTest.event(code, "client-r", statuses[v], "P", "S", v + 1));
      }
      await().atMost(PATIENCE).until(() -> rows(database, "webhook_delivery") == 3);
      await().atMost(PATIENCE).until(() -> !receiver.received.isEmpty());
      first.close();

      for (int v = 3; v < 5; v++) {
        send(
            producer,
            code,
            WebhookDeliveryTest.event(code, "client-r", statuses[v], "P", "S", v + 1));
      }
      receiver.answer(body -> 200);
      ConfigurableApplicationContext second = start(database, broker);
      try {
        await()
            .atMost(PATIENCE)
            .until(() -> rows(database, "webhook_delivery WHERE state = 'DELIVERED'") == 5);
        List<String> order =
            receiver.about(code).stream()
                .map(r -> r.body().replaceAll(".*\"status\":\"([A-Z_]+)\".*", "$1"))
                .distinct()
                .toList();
        assertThat(order).containsExactly(statuses);
      } finally {
        second.close();
      }
    }
  }

  private static ConfigurableApplicationContext start(
      TestDatabase database, EmbeddedKafkaBroker broker) {
    return NotificationDispatcherApplication.application()
        .profiles("local")
        .run(
            "--spring.r2dbc.url=" + database.r2dbcUrl(),
            "--spring.flyway.enabled=true",
            "--spring.flyway.url=" + database.jdbcUrl(),
            "--spring.flyway.user=root",
            "--spring.flyway.password=",
            "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
            "--server.port=0",
            "--management.server.port=0",
            "--reservas.notifications.poll-interval=100ms",
            "--reservas.notifications.retry.initial-delay=200ms",
            "--reservas.notifications.retry.max-delay=400ms");
  }

  private static KafkaProducer<String, SpecificRecord> producer(EmbeddedKafkaBroker broker) {
    AvroEventSerializer serializer = new AvroEventSerializer();
    serializer.configure(Map.of(), false);
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.getBrokersAsString(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        serializer);
  }

  private static void send(
      KafkaProducer<String, SpecificRecord> producer, String code, SpecificRecord event)
      throws Exception {
    EventMetadata metadata = OutcomeEvents.metadataOf(event);
    RecordHeaders headers = new RecordHeaders();
    headers.add(EventHeaders.EVENT_ID, metadata.getEventId().getBytes(StandardCharsets.UTF_8));
    headers.add(EventHeaders.EVENT_TYPE, metadata.getEventType().getBytes(StandardCharsets.UTF_8));
    producer
        .send(new ProducerRecord<>("reservations.events", null, code, event, headers))
        .get(10, TimeUnit.SECONDS);
  }

  private static long rows(TestDatabase database, String tableAndWhere) throws Exception {
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + tableAndWhere)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
