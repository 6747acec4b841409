package com.reservas.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.reservation.adapter.out.persistence.R2dbcPolicyLease;
import com.reservas.reservation.application.port.in.CreateReservationCommand;
import com.reservas.reservation.application.port.in.CreateReservationResult;
import com.reservas.reservation.application.port.in.ReservationRequest;
import com.reservas.reservation.application.port.out.ReferenceDataPort;
import com.reservas.reservation.application.port.out.ReservationEventOutbox;
import com.reservas.reservation.application.port.out.ReservationRepository;
import com.reservas.reservation.application.port.out.TransactionRunner;
import com.reservas.reservation.application.service.CreateReservationService;
import com.reservas.reservation.application.service.SecureRandomReservationCodes;
import com.reservas.reservation.domain.PaymentStatus;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationCode;
import com.reservas.reservation.domain.ReservationStatus;
import com.reservas.reservation.domain.StatusChange;
import com.reservas.reservation.domain.SupplierStatus;
import com.reservas.schemas.avro.EventMetadata;
import com.reservas.schemas.avro.ExternalCall;
import com.reservas.schemas.avro.PaymentAuthorizationStarted;
import com.reservas.schemas.avro.PaymentAuthorized;
import com.reservas.schemas.avro.PaymentCaptured;
import com.reservas.schemas.avro.PaymentDeclined;
import com.reservas.schemas.avro.PaymentOperationRefused;
import com.reservas.schemas.avro.SupplierBookingConfirmed;
import com.reservas.schemas.serde.AvroEventSerializer;
import com.reservas.testsupport.TestDatabase;
import com.reservas.testsupport.http.OperatorSurface;
import com.reservas.testsupport.http.OperatorSurface.Route;
import com.reservas.testsupport.http.RawHttp;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The projector on a real database and a real broker: outcomes in, transitions and events out. */
@SpringBootTest(
    classes = StatusProjectorApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + StatusProjectorApplication.CONFIG_NAME,
      "spring.flyway.enabled=true"
    })
@ActiveProfiles("test")
@EmbeddedKafka(
    partitions = 2,
    topics = {"payments.events", "suppliers.events"},
    // as in production: a topic nobody created does not exist
    brokerProperties = "auto.create.topics.enable=false",
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class StatusProjectorTest {

  private static final TestDatabase DATABASE = TestDatabase.create();
  private static KafkaProducer<String, SpecificRecord> producer;

  @Autowired ReferenceDataPort referenceData;
  @Autowired ReservationRepository reservations;
  @Autowired ReservationEventOutbox outbox;
  @Autowired TransactionRunner transactions;
  @Autowired R2dbcPolicyLease stuckPolicyLease;
  @Autowired DatabaseClient db;
  @Autowired MeterRegistry meters;
  @Autowired KafkaListenerEndpointRegistry listeners;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Value("${local.server.port}")
  int port;

  @Value("${local.management.port:${local.server.port}}")
  int managementPort;

  @Value("${reservas.operator.operations-token}")
  String operationsToken;

  @Value("${reservas.operator.metrics-token}")
  String metricsToken;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.r2dbc.url", DATABASE::r2dbcUrl);
    registry.add("spring.flyway.url", DATABASE::jdbcUrl);
  }

  @BeforeEach
  void producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  bootstrapServers,
                  ProducerConfig.ACKS_CONFIG,
                  "all"),
              new StringSerializer(),
              new AvroEventSerializer(new com.reservas.schemas.registry.InMemorySchemaRegistry()));
    }
  }

  @AfterAll
  static void closeProducer() {
    if (producer != null) {
      producer.close();
    }
  }

  @Test
  void stuckReservationActionsAndActuatorServeTheirOwnCredentialAloneUnderEverySpelling() {
    RawHttp service = new RawHttp("127.0.0.1", port);
    RawHttp management = new RawHttp("127.0.0.1", managementPort);
    assertThat(
            new OperatorSurface(service, management, metricsToken, operationsToken)
                .servedWithoutTheirCredential(
                    List.of(
                        Route.get("/admin/stuck-reservations"),
                        Route.post("/admin/stuck-reservations/resolution"),
                        Route.get("/admin/dead-letters"),
                        Route.post("/admin/dead-letters/replay")),
                    List.of("/actuator/metrics")))
        .as("answers that are not a problem+json refusal")
        .isEmpty();

    assertThat(
            service
                .get("/admin/stuck-reservations", Map.of("X-Admin-Token", operationsToken))
                .status())
        .isEqualTo(200);
    assertThat(
            management
                .get("/actuator/prometheus", Map.of("Authorization", "Bearer " + metricsToken))
                .body())
        .contains("reservas_reservations_stuck");
  }

  @Test
  void aPaidReservationConfirmedBySupplierAndCapturedEndsConfirmedWithItsHistory() {
    long confirmedBefore = sagaCount("reservas.reservations.settled", "status", "confirmed");
    long paidBefore = sagaCount("reservas.saga.step", "from", "created", "to", "paid");
    long bookedBefore = sagaCount("reservas.saga.step", "from", "paid", "to", "supplier_confirmed");
    long durationBefore = sagaCount("reservas.saga.duration", "status", "confirmed");
    String code = newReservation();
    Instant t = Instant.now();

    send("payments.events", code, started(code, t.plusMillis(1)));
    send("payments.events", code, authorized(code, t.plusMillis(2)));
    send("suppliers.events", code, confirmed(code, t.plusMillis(3)));
    send("payments.events", code, captured(code, t.plusMillis(4)));

    Reservation r = awaitState(code, res -> res.paymentStatus() == PaymentStatus.CAPTURED);
    assertThat(r.status()).isEqualTo(ReservationStatus.SUPPLIER_CONFIRMED);
    assertThat(r.supplierStatus()).isEqualTo(SupplierStatus.CONFIRMED);
    assertThat(r.paymentIntentId()).isEqualTo("pi_" + code);
    assertThat(r.supplierBookingReference()).isEqualTo("BK-" + code);
    assertThat(r.history())
        .extracting(StatusChange::status)
        .containsExactly(
            ReservationStatus.CREATED,
            ReservationStatus.PAYMENT_IN_PROGRESS,
            ReservationStatus.PAID,
            ReservationStatus.SUPPLIER_CONFIRMED);
    assertThat(eventTypesInOutbox(code))
        .containsExactly(
            "ReservationCreated",
            "ReservationStatusChanged",
            "ReservationStatusChanged",
            "ReservationStatusChanged");
    assertThat(rows("SELECT COUNT(*) FROM external_call WHERE reservation_code = ?", code))
        .isEqualTo(1);
    // Counted as the transaction commits: the database may show the state a moment before.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(sagaCount("reservas.reservations.settled", "status", "confirmed"))
                  .isEqualTo(confirmedBefore + 1);
              assertThat(sagaCount("reservas.saga.step", "from", "created", "to", "paid"))
                  .isEqualTo(paidBefore + 1);
              assertThat(
                      sagaCount("reservas.saga.step", "from", "paid", "to", "supplier_confirmed"))
                  .isEqualTo(bookedBefore + 1);
              assertThat(sagaCount("reservas.saga.duration", "status", "confirmed"))
                  .isEqualTo(durationBefore + 1);
            });
  }

  @Test
  void aCaptureStripeRefusedForGoodLeavesTheReservationNeedingAPersonListedForOperators() {
    String code = newReservation();
    Instant t = Instant.now();
    send("payments.events", code, started(code, t.plusMillis(1)));
    send("payments.events", code, authorized(code, t.plusMillis(2)));
    send("suppliers.events", code, confirmed(code, t.plusMillis(3)));
    awaitState(code, r -> r.status() == ReservationStatus.SUPPLIER_CONFIRMED);

    send(
        "payments.events",
        code,
        PaymentOperationRefused.newBuilder()
            .setMetadata(metadata("PaymentOperationRefused", t.plusMillis(4)))
            .setReservationCode(code)
            .setOperation("capture")
            .setPaymentIntentId("pi_" + code)
            .setReason("Stripe refused to capture: authorization expired")
            .build());

    Reservation r = awaitState(code, res -> res.paymentStatus() == PaymentStatus.NEEDS_ATTENTION);
    assertThat(r.status()).isEqualTo(ReservationStatus.SUPPLIER_CONFIRMED);
    assertThat(eventTypesInOutbox(code)).endsWith("ReservationStatusChanged");
    assertThat(
            new RawHttp("127.0.0.1", port)
                .get("/admin/stuck-reservations", Map.of("X-Admin-Token", operationsToken))
                .body())
        .contains("\"code\":\"" + code + "\"", "NEEDS_ATTENTION");
  }

  @Test
  void aRedeliveredOutcomeChangesNothing() {
    long cancelledBefore = sagaCount("reservas.reservations.settled", "status", "cancelled");
    String code = newReservation();
    Instant t = Instant.now();
    SpecificRecord started = started(code, t);
    double duplicatesBefore = duplicates("PaymentAuthorizationStarted");

    send("payments.events", code, started);
    send("payments.events", code, started);
    send("payments.events", code, started);
    send("payments.events", code, declined(code, t.plusMillis(5)));

    Reservation r = awaitState(code, res -> res.status() == ReservationStatus.CANCELLED);
    // The inbox, not the state machine, recognised the two redeliveries.
    assertThat(duplicates("PaymentAuthorizationStarted") - duplicatesBefore).isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(sagaCount("reservas.reservations.settled", "status", "cancelled"))
                    .as("settled once, whatever was redelivered")
                    .isEqualTo(cancelledBefore + 1));
    assertThat(r.paymentStatus()).isEqualTo(PaymentStatus.DECLINED);
    assertThat(r.history()).hasSize(3);
    assertThat(
            rows(
                "SELECT COUNT(*) FROM reservation_status_history WHERE reservation_code = ?", code))
        .isEqualTo(3);
    assertThat(eventTypesInOutbox(code)).endsWith("ReservationCancelled");
  }

  @Test
  void outcomesPolledTogetherAreAppliedInFewerTransactionsThanOutcomes() {
    List<String> codes = List.of(newReservation(), newReservation(), newReservation());
    var payments =
        (ConcurrentMessageListenerContainer<?, ?>)
            listeners.getListenerContainer("status-projector-payments");
    long commitsBefore;
    // Held back while they are sent, so that each poll brings several.
    payments.pause();
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  payments.getContainers().stream()
                      .filter(c -> c.getAssignedPartitions() != null)
                      .filter(c -> !c.getAssignedPartitions().isEmpty())
                      .allMatch(MessageListenerContainer::isContainerPaused));
      Instant t = Instant.now();
      for (String code : codes) {
        send("payments.events", code, started(code, t));
        send("payments.events", code, authorized(code, t.plusMillis(1)));
      }
      commitsBefore = commits();
    } finally {
      payments.resume();
    }

    codes.forEach(code -> awaitState(code, r -> r.status() == ReservationStatus.PAID));
    // six outcomes: six transactions one by one; here at most one per poll of up to five
    // records on each of the two partitions
    assertThat(commits() - commitsBefore).isLessThanOrEqualTo(4);
    assertThat(reservations.findByCode(new ReservationCode(codes.get(0))).block().history())
        .extracting(StatusChange::status)
        .containsExactly(
            ReservationStatus.CREATED,
            ReservationStatus.PAYMENT_IN_PROGRESS,
            ReservationStatus.PAID);
  }

  @Test
  void aSupplierAnswerArrivingBeforeThePaymentWaitsForIt() {
    String code = newReservation();
    Instant t = Instant.now();

    send("suppliers.events", code, confirmed(code, t.plusMillis(3)));
    send("payments.events", code, started(code, t.plusMillis(1)));
    send("payments.events", code, authorized(code, t.plusMillis(2)));

    Reservation r = awaitState(code, res -> res.status() == ReservationStatus.SUPPLIER_CONFIRMED);
    assertThat(r.history())
        .extracting(StatusChange::status)
        .containsExactly(
            ReservationStatus.CREATED,
            ReservationStatus.PAYMENT_IN_PROGRESS,
            ReservationStatus.PAID,
            ReservationStatus.SUPPLIER_CONFIRMED);
  }

  @Test
  void recordsThatCanNeverBeAppliedAreDeadLetteredAndTheReservationBehindThemStillSettles() {
    String code = newReservation();
    byte[] notAnOutcome = outboxPayload(code); // a ReservationCreated, valid Avro, no outcome

    // Same key, so the same partition: in front of the reservation's outcome.
    sendBytes("payments.events", code, "not an event".getBytes(StandardCharsets.UTF_8));
    sendBytes("payments.events", code, notAnOutcome);
    send("payments.events", code, started(code, Instant.now()));

    awaitState(code, r -> r.status() == ReservationStatus.PAYMENT_IN_PROGRESS);
    List<ConsumerRecord<String, byte[]>> deadLetters =
        records("payments.events-status-projector-dlt", 2);
    assertThat(deadLetters).extracting(ConsumerRecord::key).containsOnly(code);
    assertThat(deadLetters.get(0).value())
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("not an event");
    assertThat(deadLetters.get(1).value()).isEqualTo(notAnOutcome);

    // Listed and replayed like the consumers' dead letters (still poison: they come back).
    RawHttp service = new RawHttp("127.0.0.1", port);
    Map<String, String> operator = Map.of("X-Admin-Token", operationsToken);
    assertThat(service.get("/admin/dead-letters", operator).body())
        .contains("{\"deadLetterTopic\":\"payments.events-status-projector-dlt\",\"pending\":2}");
    assertThat(service.send("POST", "/admin/dead-letters/replay", operator, null).body())
        .contains(
            "\"deadLetterTopic\":\"payments.events-status-projector-dlt\",\"replayed\":2,"
                + "\"replayedTo\":{\"payments.events\":2}");
    assertThat(records("payments.events-status-projector-dlt", 4)).hasSize(4);
  }

  @Test
  void theStuckPolicyRunsUnderThisReplicasLease() {
    // The policy runs once at start; running it took the lease, in the database.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                stuckPolicyLease
                    .holder()
                    .equals(
                        text(
                            "SELECT holder FROM policy_lease WHERE name = ?",
                            "stuck-reservations")));
    R2dbcPolicyLease otherReplica =
        new R2dbcPolicyLease(db, "stuck-reservations", "other-replica", Duration.ofMinutes(1));
    assertThat(otherReplica.acquire().block()).as("a second replica waits").isFalse();
  }

  private Reservation awaitState(String code, java.util.function.Predicate<Reservation> done) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> reservations.findByCode(new ReservationCode(code)).block(), done);
  }

  private String newReservation() {
    CreateReservationService creating =
        new CreateReservationService(
            referenceData,
            reservations,
            outbox,
            new SecureRandomReservationCodes(),
            transactions,
            Clock.systemUTC(),
            5);
    CreateReservationResult result =
        creating
            .create(
                new CreateReservationCommand(
                    "client-1",
                    Optional.empty(),
                    new ReservationRequest(
                        "Ana",
                        "García",
                        "ana@example.com",
                        "+34600111222",
                        "CDAR",
                        "IBERCAR",
                        "MAD-AIRPORT",
                        "2027-03-10T09:30:00",
                        "BCN-AIRPORT",
                        "2027-03-14T18:00:00",
                        "pm_card_visa"),
                    null))
            .block();
    return ((CreateReservationResult.Created) result).reservation().code().value();
  }

  private void send(String topic, String code, SpecificRecord event) {
    try {
      producer.send(new ProducerRecord<>(topic, code, event)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static EventMetadata metadata(String type, Instant at) {
    return EventMetadata.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setEventType(type)
        .setOccurredAt(at)
        .setTraceparent(null)
        .build();
  }

  private static SpecificRecord started(String code, Instant at) {
    return PaymentAuthorizationStarted.newBuilder()
        .setMetadata(metadata("PaymentAuthorizationStarted", at))
        .setReservationCode(code)
        .setIdempotencyKey(code + "-authorize")
        .build();
  }

  private static SpecificRecord authorized(String code, Instant at) {
    return PaymentAuthorized.newBuilder()
        .setMetadata(metadata("PaymentAuthorized", at))
        .setReservationCode(code)
        .setPaymentIntentId("pi_" + code)
        .setAmount("412.00")
        .setCurrency("EUR")
        .setCalls(
            List.of(
                ExternalCall.newBuilder()
                    .setOperation("authorize")
                    .setRequestId(code + "-authorize")
                    .setMethod("POST")
                    .setUrl("https://api.stripe.com/v1/payment_intents")
                    .setRequestBody("amount=41200&currency=eur&payment_method=pm_****visa")
                    .setResponseStatus(200)
                    .setResponseBody("{\"id\":\"pi_x\",\"status\":\"requires_capture\"}")
                    .setStartedAt(at)
                    .setDurationMillis(12)
                    .build()))
        .build();
  }

  private static SpecificRecord declined(String code, Instant at) {
    return PaymentDeclined.newBuilder()
        .setMetadata(metadata("PaymentDeclined", at))
        .setReservationCode(code)
        .setDeclineCode("insufficient_funds")
        .setMessage("Your card has insufficient funds.")
        .build();
  }

  private static SpecificRecord confirmed(String code, Instant at) {
    return SupplierBookingConfirmed.newBuilder()
        .setMetadata(metadata("SupplierBookingConfirmed", at))
        .setReservationCode(code)
        .setSupplierCode("IBERCAR")
        .setBookingReference("BK-" + code)
        .build();
  }

  private static SpecificRecord captured(String code, Instant at) {
    return PaymentCaptured.newBuilder()
        .setMetadata(metadata("PaymentCaptured", at))
        .setReservationCode(code)
        .setPaymentIntentId("pi_" + code)
        .build();
  }

  private void sendBytes(String topic, String code, byte[] value) {
    try (KafkaProducer<String, byte[]> raw =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new StringSerializer(),
            new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(topic, code, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first {@code count} records of {@code topic}, waiting for them. */
  private List<ConsumerRecord<String, byte[]>> records(String topic, int count) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, byte[]>> records = new java.util.ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
              });
      return records;
    }
  }

  private byte[] outboxPayload(String code) {
    try (Connection c = DATABASE.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT payload FROM outbox_event WHERE aggregate_id = ? ORDER BY created_at")) {
      s.setString(1, code);
      ResultSet rs = s.executeQuery();
      rs.next();
      return rs.getBytes(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> eventTypesInOutbox(String code) {
    try (Connection c = DATABASE.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT event_type FROM outbox_event WHERE aggregate_id = ? ORDER BY created_at")) {
      s.setString(1, code);
      ResultSet rs = s.executeQuery();
      List<String> types = new java.util.ArrayList<>();
      while (rs.next()) {
        types.add(rs.getString(1));
      }
      return types;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The transactions the database committed so far (its {@code Com_commit}, all clients). */
  private static long commits() {
    try (Connection c = DATABASE.connect();
        PreparedStatement s = c.prepareStatement("SHOW GLOBAL STATUS LIKE 'Com_commit'")) {
      ResultSet rs = s.executeQuery();
      rs.next();
      return rs.getLong(2);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How often the counter or timer {@code name} with {@code tags} counted. */
  private long sagaCount(String name, String... tags) {
    var search = meters.find(name).tags(tags);
    var counter = search.counter();
    return counter != null ? (long) counter.count() : search.timer().count();
  }

  private double duplicates(String eventType) {
    return meters
        .counter("reservas.projector.outcomes", "type", eventType, "result", "DUPLICATE")
        .count();
  }

  private String text(String sql, String parameter) {
    try (Connection c = DATABASE.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      ResultSet rs = s.executeQuery();
      return rs.next() ? rs.getString(1) : null;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long rows(String sql, String code) {
    try (Connection c = DATABASE.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, code);
      ResultSet rs = s.executeQuery();
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
