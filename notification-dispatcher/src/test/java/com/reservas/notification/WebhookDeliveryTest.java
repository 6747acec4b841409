package com.reservas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.consumer.support.kafka.EventHeaders;
import com.reservas.consumer.support.kafka.OutcomeEvents;
import com.reservas.reservation.application.port.out.WebhookDeliveryStore;
import com.reservas.reservation.application.port.out.WebhookEndpointStore;
import com.reservas.reservation.domain.webhook.WebhookEndpoint;
import com.reservas.reservation.domain.webhook.WebhookSignature;
import com.reservas.schemas.avro.Customer;
import com.reservas.schemas.avro.EventMetadata;
import com.reservas.schemas.avro.Price;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.avro.ReservationSnapshot;
import com.reservas.schemas.avro.ReservationStatusChanged;
import com.reservas.schemas.avro.Stop;
import com.reservas.schemas.avro.Vehicle;
import com.reservas.schemas.serde.AvroEventSerializer;
import com.reservas.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dispatcher on real components: MariaDB (migrated by Flyway), an embedded Kafka broker fed as
 * the relay feeds it, and HTTP receivers on this machine (the local profile allows them).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + NotificationDispatcherApplication.CONFIG_NAME,
      "spring.flyway.enabled=true",
      "spring.flyway.user=root",
      "spring.flyway.password=",
      "management.server.port=0",
      "reservas.notifications.poll-interval=100ms",
      "reservas.notifications.timeout=2s",
      "reservas.notifications.retry.initial-delay=200ms",
      "reservas.notifications.retry.max-delay=400ms",
      "reservas.notifications.retry.give-up-after=6s",
    })
@ActiveProfiles("local")
@EmbeddedKafka(
    partitions = 3,
    topics = "reservations.events",
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class WebhookDeliveryTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final TestDatabase DATABASE = TestDatabase.create();
  private static final AtomicInteger CODES = new AtomicInteger();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.r2dbc.url", DATABASE::r2dbcUrl);
    registry.add("spring.flyway.url", DATABASE::jdbcUrl);
  }

  @Autowired WebhookEndpointStore endpoints;
  @Autowired WebhookDeliveryStore deliveries;
  @Autowired MeterRegistry meters;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  private static KafkaProducer<String, SpecificRecord> producer;

  @AfterAll
  static void closeProducer() {
    if (producer != null) {
      producer.close();
    }
  }

  @Test
  void everyChangeArrivesSignedInOrderAndOnlyAtTheOwnersEndpoint() {
    try (Receiver a = new Receiver();
        Receiver b = new Receiver()) {
      String secretA = register("client-a", a.url());
      register("client-b", b.url());
      String code = newCode();
      List<String> ids = new java.util.ArrayList<>();
      String[][] steps = {
        {"CREATED", "PENDING", "NOT_REQUESTED"},
        {"PAYMENT_IN_PROGRESS", "PENDING", "NOT_REQUESTED"},
        {"PAID", "AUTHORIZED", "REQUESTED"},
        {"SUPPLIER_CONFIRMED", "AUTHORIZED", "CONFIRMED"},
        {"CANCELLED", "VOIDED", "CANCELLED"}
      };
      for (int v = 0; v < steps.length; v++) {
        ids.add(publish(code, "client-a", steps[v][0], steps[v][1], steps[v][2], v + 1));
      }

      try {
        await().atMost(PATIENCE).until(() -> a.about(code).size() >= 5);
      } catch (RuntimeException e) {
        dump();
        throw e;
      }
      List<Receiver.Received> got = a.about(code);
      assertThat(got).extracting(r -> r.header("Reservas-Event-Id")).isEqualTo(ids);
      assertThat(got)
          .extracting(r -> r.body().replaceAll(".*\"status\":\"([A-Z_]+)\".*", "$1"))
          .containsExactly(
              "CREATED", "PAYMENT_IN_PROGRESS", "PAID", "SUPPLIER_CONFIRMED", "CANCELLED");
      for (Receiver.Received r : got) {
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(WebhookSignature.verifies(secretA, r.header("Reservas-Signature"), r.body()))
            .as("signed with the endpoint's secret over t.body")
            .isTrue();
        assertThat(r.body())
            .startsWith("{\"id\":\"" + r.header("Reservas-Event-Id") + "\"")
            .contains("\"type\":\"reservation.status_changed\"")
            .doesNotContain("Ana", "García", "pm_");
      }
      assertThat(b.about(code)).as("another client's endpoint hears nothing of it").isEmpty();
    }
  }

  @Test
  void aFailingReceiverIsRetriedUntilItRecoversWithoutHoldingBackOtherReservations() {
    try (Receiver receiver = new Receiver()) {
      String endpoint = registerId("client-c", receiver.url());
      String stuck = newCode();
      String other = newCode();
      AtomicInteger failures = new AtomicInteger();
      receiver.answer(body -> body.contains(stuck) && failures.incrementAndGet() <= 3 ? 503 : 200);
      publish(stuck, "client-c", "CREATED", "PENDING", "NOT_REQUESTED", 1);
      publish(stuck, "client-c", "PAYMENT_IN_PROGRESS", "PENDING", "NOT_REQUESTED", 2);
      publish(other, "client-c", "CREATED", "PENDING", "NOT_REQUESTED", 1);

      await().atMost(PATIENCE).until(() -> receiver.about(other).size() == 1);
      await().atMost(PATIENCE).until(() -> successes(receiver.about(stuck)) == 2);
      List<Receiver.Received> got = receiver.about(stuck);
      assertThat(got).hasSize(5);
      assertThat(got.get(got.size() - 1).body()).contains("PAYMENT_IN_PROGRESS");
      assertThat(got.subList(0, 4)).allMatch(r -> r.body().contains("\"status\":\"CREATED\""));
      List<WebhookDeliveryStore.Attempt> attempts =
          deliveries.recentAttempts(endpoint, 50).collectList().block();
      assertThat(attempts)
          .filteredOn(x -> x.reservationCode().equals(stuck))
          .extracting(x -> x.statusCode().orElse(0))
          .containsExactly(200, 200, 503, 503, 503);
      assertThat(attempts)
          .filteredOn(x -> x.statusCode().orElse(0) == 503)
          .allMatch(x -> x.nextRetryAt().isPresent());
      assertThat(
              meters.get("reservas.webhook.deliveries").tag("outcome", "retrying").timer().count())
          .as("attempts counted by outcome")
          .isGreaterThanOrEqualTo(3);
      assertThat(
              meters.get("reservas.webhook.deliveries").tag("outcome", "delivered").timer().count())
          .isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void addressesOfThePlatformsOwnNetworkAreNeverCalledAndTheEndpointIsDisabledInTheEnd() {
    String metadata = insertEndpoint("client-d", "https://169.254.169.254/latest/meta-data");
    String rebinding = insertEndpoint("client-d", "https://localhost:1/hooks");
    String code = newCode();
    publish(code, "client-d", "CREATED", "PENDING", "NOT_REQUESTED", 1);

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                !endpoints.byId(metadata).block().enabled()
                    && !endpoints.byId(rebinding).block().enabled());
    for (String id : List.of(metadata, rebinding)) {
      List<WebhookDeliveryStore.Attempt> attempts =
          deliveries.recentAttempts(id, 50).collectList().block();
      assertThat(attempts).isNotEmpty();
      assertThat(attempts).allMatch(x -> x.statusCode().isEmpty());
      assertThat(attempts).allMatch(x -> x.error().orElse("").contains("refused"));
      assertThat(attempts.get(0).nextRetryAt()).as("given up").isEmpty();
    }
  }

  @Test
  void aRedeliveryIsSentAgainWithTheSameEventId() {
    try (Receiver receiver = new Receiver()) {
      String endpoint = registerId("client-e", receiver.url());
      String code = newCode();
      String eventId = publish(code, "client-e", "CREATED", "PENDING", "NOT_REQUESTED", 1);
      await().atMost(PATIENCE).until(() -> receiver.about(code).size() == 1);

      assertThat(deliveries.redeliver(endpoint, eventId, Instant.now()).block()).isTrue();

      await().atMost(PATIENCE).until(() -> receiver.about(code).size() == 2);
      assertThat(receiver.about(code))
          .extracting(r -> r.header("Reservas-Event-Id"))
          .containsExactly(eventId, eventId);
      assertThat(deliveries.redeliver(endpoint, "no-such-event", Instant.now()).block()).isFalse();
    }
  }

  @Test
  void anEventReadTwiceIsDeliveredOnce() throws Exception {
    try (Receiver receiver = new Receiver()) {
      register("client-f", receiver.url());
      String code = newCode();
      SpecificRecord event = event(code, "client-f", "CREATED", "PENDING", "NOT_REQUESTED", 1);
      send(code, event);
      send(code, event);
      await().atMost(PATIENCE).until(() -> receiver.about(code).size() >= 1);
      // and no second delivery follows for a while
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(5))
          .until(() -> receiver.about(code).size() == 1);
      assertThat(receiver.about(code)).hasSize(1);
      assertThat(rows("webhook_delivery WHERE reservation_code = '" + code + "'")).isEqualTo(1);
    }
  }

  /** Deliveries that went through: a body is fixed per delivery, and the next waits for it. */
  private static int successes(List<Receiver.Received> received) {
    return (int) received.stream().map(Receiver.Received::body).distinct().count();
  }

  private String register(String client, String url) {
    WebhookEndpoint endpoint = endpoint(client, url);
    String secret = "whsec_" + UUID.randomUUID().toString().replace("-", "") + "0123456789abcdef";
    assertThat(endpoints.insert(endpoint, secret, 10).block()).isTrue();
    return secret;
  }

  private String registerId(String client, String url) {
    WebhookEndpoint endpoint = endpoint(client, url);
    endpoints.insert(endpoint, "whsec_test-secret-of-" + client, 10).block();
    return endpoint.id();
  }

  /** Stored as a registration that passed long ago might be: the dispatcher checks again. */
  private String insertEndpoint(String client, String url) {
    return registerId(client, url);
  }

  private static WebhookEndpoint endpoint(String client, String url) {
    return new WebhookEndpoint(
        UUID.randomUUID().toString(),
        client,
        url,
        List.of("reservation.status_changed"),
        true,
        Instant.now().truncatedTo(ChronoUnit.MICROS));
  }

  private static String newCode() {
    return "WH" + String.format("%06d", CODES.incrementAndGet());
  }

  private String publish(
      String code, String client, String status, String payment, String supplier, long version) {
    SpecificRecord event = event(code, client, status, payment, supplier, version);
    send(code, event);
    return OutcomeEvents.metadataOf(event).getEventId();
  }

  /** As the relay publishes them: {@code ReservationCreated} first, then status changes. */
  static SpecificRecord event(
      String code, String client, String status, String payment, String supplier, long version) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    ReservationSnapshot snapshot =
        ReservationSnapshot.newBuilder()
            .setCode(code)
            .setClientId(client)
            .setStatus(status)
            .setPaymentStatus(payment)
            .setSupplierStatus(supplier)
            .setCustomer(
                Customer.newBuilder().setFirstName("Ana").setLastName("García Núñez").build())
            .setVehicle(
                Vehicle.newBuilder().setCategoryCode("CDAR").setSupplierCode("IBERCAR").build())
            .setPickup(Stop.newBuilder().setOfficeCode("MAD").setAt("2027-03-10T09:30:00").build())
            .setDropoff(Stop.newBuilder().setOfficeCode("MAD").setAt("2027-03-14T09:30:00").build())
            .setPrice(Price.newBuilder().setAmount("412.00").setCurrency("EUR").build())
            .setPaymentMethodToken("pm_card_visa")
            .setCancellationReason(status.equals("CANCELLED") ? "customer request" : null)
            .setVersion(version)
            .setCreatedAt(now)
            .setUpdatedAt(now)
            .build();
    String type = status.equals("CREATED") ? "ReservationCreated" : "ReservationStatusChanged";
    EventMetadata metadata =
        EventMetadata.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setEventType(type)
            .setOccurredAt(now)
            .setTraceparent(null)
            .build();
    if (status.equals("CREATED")) {
      return ReservationCreated.newBuilder().setMetadata(metadata).setReservation(snapshot).build();
    }
    return ReservationStatusChanged.newBuilder()
        .setMetadata(metadata)
        .setPreviousStatus("PREVIOUS")
        .setReason(null)
        .setReservation(snapshot)
        .build();
  }

  private void send(String code, SpecificRecord event) {
    if (producer == null) {
      AvroEventSerializer serializer = new AvroEventSerializer();
      serializer.configure(Map.of(), false);
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  bootstrapServers,
                  ProducerConfig.ACKS_CONFIG,
                  "all"),
              new StringSerializer(),
              serializer);
    }
    RecordHeaders headers = new RecordHeaders();
    EventMetadata metadata = OutcomeEvents.metadataOf(event);
    headers.add(EventHeaders.EVENT_ID, metadata.getEventId().getBytes(StandardCharsets.UTF_8));
    headers.add(EventHeaders.EVENT_TYPE, metadata.getEventType().getBytes(StandardCharsets.UTF_8));
    try {
      producer
          .send(new ProducerRecord<>("reservations.events", null, code, event, headers))
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void dump() {
    try (Connection c = DATABASE.connect();
        Statement s = c.createStatement()) {
      for (String q :
          List.of(
              "SELECT endpoint_id, event_id, state, attempts, next_attempt_at FROM webhook_delivery",
              "SELECT event_id, attempt, status_code, error FROM webhook_attempt",
              "SELECT id, client_id, url, enabled FROM webhook_endpoint",
              "SELECT * FROM policy_lease")) {
        try (ResultSet rs = s.executeQuery(q)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder line = new StringBuilder("DUMP ");
            for (int i = 1; i <= n; i++) {
              line.append(rs.getString(i)).append(" | ");
            }
            System.out.println(line);
          }
        }
      }
    } catch (Exception e) {
      System.out.println("DUMP failed " + e);
    }
  }

  private static long rows(String tableAndWhere) throws Exception {
    try (Connection c = DATABASE.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + tableAndWhere)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
