package com.reservas.consumer.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.consumer.support.deadletter.DeadLetterReplayer;
import com.reservas.consumer.support.kafka.EventHeaders;
import com.reservas.consumer.support.kafka.OutcomeEvents;
import com.reservas.consumer.support.testapp.Reservations;
import com.reservas.consumer.support.testapp.ScriptedListener;
import com.reservas.consumer.support.testapp.SupportTestApplication;
import com.reservas.consumer.support.testapp.TopicReader;
import com.reservas.schemas.avro.PaymentAuthorizationStarted;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.registry.InMemorySchemaRegistry;
import com.reservas.schemas.serde.AvroEventSerializer;
import com.reservas.schemas.serde.EventCodec;
import com.reservas.testsupport.http.OperatorSurface;
import com.reservas.testsupport.http.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(
    classes = SupportTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reservas.consumer.group-id=support-test",
      "reservas.consumer.outcome-topic=payments.events",
      "reservas.consumer.retry.attempts=3",
      "reservas.consumer.retry.initial-delay=200ms",
      "reservas.consumer.retry.max-delay=400ms",
      "reservas.consumer.retry.topic-partitions=1",
      // every spelling probe from one address earns 401s: the failed-authentication limit is tested
      // in the API
      "reservas.rate-limit.enabled=false",
      "reservas.operator.operations-token=" + ConsumerSupportKafkaTest.OPERATIONS,
      "reservas.operator.metrics-token=" + ConsumerSupportKafkaTest.METRICS,
    })
@EmbeddedKafka(
    partitions = 1,
    topics = {"reservations.events", "payments.events"},
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ConsumerSupportKafkaTest {

  static final String OPERATIONS = "operations-credential-of-the-support-test";
  static final String METRICS = "metrics-credential-of-the-support-test-app";
  private static final String INPUT = "reservations.events";
  private static final String OUTCOMES = "payments.events";
  private static final String DLT = "reservations.events-support-test-dlt";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static KafkaProducer<String, SpecificRecord> events;
  private static KafkaProducer<String, byte[]> raw;

  private final EventCodec codec = new EventCodec(new InMemorySchemaRegistry());

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @LocalServerPort int port;

  @Autowired ScriptedListener listener;

  @Autowired Environment environment;

  @Autowired KafkaListenerEndpointRegistry listeners;

  @BeforeAll
  static void producers(@Value("${spring.kafka.bootstrap-servers}") String servers) {
    Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    events =
        new KafkaProducer<>(
            props, new StringSerializer(), new AvroEventSerializer(new InMemorySchemaRegistry()));
    raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  @AfterAll
  static void closeProducers() {
    events.close();
    raw.close();
  }

  @Test
  void anOutcomeCarriesTheReservationCodeAsKeyTheEventHeadersAndAnIdDerivedFromTheInput()
      throws Exception {
    ReservationCreated created = Reservations.created("OUTCOME1", "ok");
    String sourceId = created.getMetadata().getEventId();

    send(created);

    ConsumerRecord<String, byte[]> outcome = awaitOne(OUTCOMES, "OUTCOME1");
    String expectedId =
        OutcomeEvents.outcomeEventId(sourceId, "authorize", "PaymentAuthorizationStarted");
    assertThat(header(outcome, EventHeaders.EVENT_ID)).isEqualTo(expectedId);
    assertThat(header(outcome, EventHeaders.EVENT_TYPE)).isEqualTo("PaymentAuthorizationStarted");
    assertThat(header(outcome, EventHeaders.TRACEPARENT))
        .isEqualTo(created.getMetadata().getTraceparent());
    PaymentAuthorizationStarted started =
        (PaymentAuthorizationStarted) codec.decode(outcome.value());
    assertThat(started.getMetadata().getEventId()).isEqualTo(expectedId);
    assertThat(started.getMetadata().getTraceparent())
        .isEqualTo(created.getMetadata().getTraceparent());
    assertThat(expectedId)
        .isEqualTo(
            UUID.nameUUIDFromBytes(
                    (sourceId + ":authorize:PaymentAuthorizationStarted")
                        .getBytes(StandardCharsets.UTF_8))
                .toString());
  }

  /**
   * Handled records are committed at most once per {@code commit-interval} (1 s), not after every
   * poll: at a few records per poll that was an offset commit per record (docs/performance.md).
   */
  @Test
  void everyContainerCommitsHandledOffsetsOncePerCommitInterval() {
    assertThat(listeners.getListenerContainers())
        .isNotEmpty()
        .allSatisfy(
            container -> {
              assertThat(container.getContainerProperties().getAckMode())
                  .isEqualTo(ContainerProperties.AckMode.TIME);
              assertThat(container.getContainerProperties().getAckTime()).isEqualTo(1_000);
            });
  }

  @Test
  void theInputIsCommittedAfterItsOutcomeIsPublishedAndARedeliveryYieldsTheSameOutcomeId()
      throws Exception {
    ReservationCreated created = Reservations.created("REDELIV1", "ok");

    send(created);
    send(created);

    List<ConsumerRecord<String, byte[]>> outcomes =
        new TopicReader(bootstrapServers).await(OUTCOMES, r -> "REDELIV1".equals(r.key()), 2, WAIT);
    assertThat(outcomes)
        .extracting(r -> header(r, EventHeaders.EVENT_ID))
        .hasSize(2)
        .containsOnly(header(outcomes.get(0), EventHeaders.EVENT_ID));
    try (Admin admin = admin()) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                    admin
                        .listConsumerGroupOffsets("support-test")
                        .partitionsToOffsetAndMetadata()
                        .get();
                long inputEnd = endOffset(INPUT);
                assertThat(committed.get(new TopicPartition(INPUT, 0)))
                    .isNotNull()
                    .extracting(OffsetAndMetadata::offset)
                    .isEqualTo(inputEnd);
              });
    }
  }

  @Test
  void aRecordThatKeepsFailingGoesThroughTheRetryTopicsToTheDeadLetterTopicAndIsReplayed()
      throws Exception {
    listener.dependencyDown.set(true);
    ReservationCreated created = Reservations.created("FLAKY001", "flaky");
    send(created);

    ConsumerRecord<String, byte[]> deadLetter = awaitOne(DLT, "FLAKY001");

    assertThat(listener.deliveries)
        .containsSubsequence(
            "FLAKY001@reservations.events",
            "FLAKY001@reservations.events-support-test-retry-0",
            "FLAKY001@reservations.events-support-test-retry-1");
    assertThat(listener.deliveries).filteredOn(d -> d.startsWith("FLAKY001")).hasSize(3);
    assertThat(header(deadLetter, KafkaHeaders.ORIGINAL_TOPIC)).isEqualTo(INPUT);
    assertThat(header(deadLetter, KafkaHeaders.EXCEPTION_MESSAGE))
        .contains("dependency down while charging a***@example.com")
        .doesNotContain("ana@example.com");
    assertThat(header(deadLetter, KafkaHeaders.EXCEPTION_STACKTRACE))
        .doesNotContain("ana@example.com");
    assertThat(header(deadLetter, EventHeaders.EVENT_ID))
        .isEqualTo(created.getMetadata().getEventId());
    assertThat(codec.decode(deadLetter.value())).isEqualTo(created);
    try (Admin admin = admin()) {
      assertThat(admin.listTopics().names().get())
          .contains(
              "reservations.events-support-test-retry-0",
              "reservations.events-support-test-retry-1",
              DLT);
    }

    // The dependency is back: an operator replays the dead letters.
    listener.dependencyDown.set(false);
    WebTestClient admin = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    admin
        .get()
        .uri("/admin/dead-letters")
        .header("X-Admin-Token", OPERATIONS)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.deadLetterTopic")
        .isEqualTo(DLT)
        .jsonPath("$.pending")
        .value(pending -> assertThat(((Number) pending).longValue()).isPositive());
    admin
        .post()
        .uri("/admin/dead-letters/replay")
        .header("X-Admin-Token", OPERATIONS)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.replayed")
        .value(replayed -> assertThat((Integer) replayed).isPositive())
        .jsonPath("$.remaining")
        .isEqualTo(0);

    ConsumerRecord<String, byte[]> outcome = awaitOne(OUTCOMES, "FLAKY001");
    assertThat(header(outcome, EventHeaders.EVENT_ID))
        .isEqualTo(
            OutcomeEvents.outcomeEventId(
                created.getMetadata().getEventId(), "authorize", "PaymentAuthorizationStarted"));
    List<ConsumerRecord<String, byte[]>> replayed =
        new TopicReader(bootstrapServers).readAll(INPUT, r -> "FLAKY001".equals(r.key()));
    assertThat(replayed).hasSize(2);
    assertThat(header(replayed.get(1), DeadLetterReplayer.REPLAYED_FROM_HEADER))
        .startsWith(DLT + "-0@");
    assertThat(replayed.get(1).headers().lastHeader(KafkaHeaders.EXCEPTION_MESSAGE)).isNull();

    // A second replay finds nothing new.
    admin
        .post()
        .uri("/admin/dead-letters/replay")
        .header("X-Admin-Token", OPERATIONS)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.replayed")
        .isEqualTo(0);
  }

  @Test
  void aNonRetryableFailureAndAnUnreadableRecordGoStraightToTheDeadLetterTopic() throws Exception {
    send(Reservations.created("POISON01", "poison"));
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
    raw.send(new ProducerRecord<>(INPUT, "GARBAGE1", garbage)).get();

    awaitOne(DLT, "POISON01");
    ConsumerRecord<String, byte[]> unreadable = awaitOne(DLT, "GARBAGE1");

    assertThat(listener.deliveries).filteredOn(d -> d.startsWith("POISON01")).hasSize(1);
    assertThat(listener.deliveries).noneMatch(d -> d.startsWith("GARBAGE1"));
    assertThat(unreadable.value()).isEqualTo(garbage);
    assertThat(header(unreadable, KafkaHeaders.EXCEPTION_FQCN)).contains("Deserialization");
  }

  @Test
  void theDeadLetterEndpointsServeTheOperationsCredentialAloneUnderEverySpelling() {
    RawHttp service = new RawHttp("127.0.0.1", port);
    RawHttp management =
        new RawHttp(
            "127.0.0.1", environment.getProperty("local.management.port", Integer.class, port));
    assertThat(
            new OperatorSurface(service, management, METRICS, OPERATIONS)
                .servedWithoutTheirCredential(
                    OperatorSurface.DEAD_LETTER_ROUTES, List.of("/actuator/metrics")))
        .as("answers that are not a problem+json refusal")
        .isEmpty();

    RawHttp.Response pending =
        service.get("/admin/dead-letters", Map.of("X-Admin-Token", OPERATIONS));
    assertThat(pending.status()).isEqualTo(200);
    assertThat(pending.body()).contains("\"deadLetterTopic\":\"" + DLT + "\"");
  }

  private void send(ReservationCreated created) throws Exception {
    ProducerRecord<String, SpecificRecord> record =
        new ProducerRecord<>(INPUT, created.getReservation().getCode(), created);
    record.headers().add(EventHeaders.EVENT_ID, utf8(created.getMetadata().getEventId()));
    record.headers().add(EventHeaders.EVENT_TYPE, utf8("ReservationCreated"));
    record.headers().add(EventHeaders.TRACEPARENT, utf8(created.getMetadata().getTraceparent()));
    events.send(record).get();
  }

  private ConsumerRecord<String, byte[]> awaitOne(String topic, String key) {
    return new TopicReader(bootstrapServers).await(topic, r -> key.equals(r.key()), 1, WAIT).get(0);
  }

  private long endOffset(String topic) throws Exception {
    try (Admin admin = admin()) {
      TopicPartition partition = new TopicPartition(topic, 0);
      return admin
          .listOffsets(Map.of(partition, org.apache.kafka.clients.admin.OffsetSpec.latest()))
          .partitionResult(partition)
          .get()
          .offset();
    }
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return EventHeaders.lastValue(record.headers(), name).orElse(null);
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
