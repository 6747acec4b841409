package com.reservas.consumer.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.consumer.support.kafka.EventHeaders;
import com.reservas.consumer.support.testapp.Reservations;
import com.reservas.consumer.support.testapp.ScriptedListener;
import com.reservas.consumer.support.testapp.SupportTestApplication;
import com.reservas.consumer.support.testapp.TopicReader;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.registry.InMemorySchemaRegistry;
import com.reservas.schemas.serde.AvroEventSerializer;
import com.reservas.testsupport.http.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * {@code retry.mode: in-place} with two input topics, as the status projector uses it: a failing
 * record is retried from its own partition until it succeeds, the records behind it waiting; one
 * that can never be processed goes to {@code <topic>-<group>-dlt} at once.
 */
@SpringBootTest(
    classes = SupportTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reservas.consumer.group-id=support-inplace",
      "reservas.consumer.input-topic=" + InPlaceRetryKafkaTest.INPUT,
      "reservas.consumer.input-topics=" + InPlaceRetryKafkaTest.INPUT + ",in-place.b",
      "reservas.consumer.outcome-topic=payments.events",
      "reservas.consumer.retry.mode=in-place",
      "reservas.consumer.retry.initial-delay=200ms",
      "reservas.consumer.retry.max-delay=400ms",
      "reservas.consumer.retry.topic-partitions=1",
      "reservas.rate-limit.enabled=false",
      "reservas.operator.operations-token=" + InPlaceRetryKafkaTest.OPERATIONS,
      "reservas.operator.metrics-token=metrics-credential-of-the-in-place-test-app",
    })
@EmbeddedKafka(
    partitions = 1,
    topics = {InPlaceRetryKafkaTest.INPUT, "in-place.b", "payments.events"},
    // as in production: the dead-letter topics exist because the service created them
    brokerProperties = "auto.create.topics.enable=false",
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class InPlaceRetryKafkaTest {

  static final String INPUT = "in-place.a";
  static final String OPERATIONS = "operations-credential-of-the-in-place-test";
  private static final String DLT = "in-place.a-support-inplace-dlt";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static KafkaProducer<String, SpecificRecord> events;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @LocalServerPort int port;

  @Autowired ScriptedListener listener;

  @BeforeAll
  static void producer(@Value("${spring.kafka.bootstrap-servers}") String servers) {
    events =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
            new StringSerializer(),
            new AvroEventSerializer(new InMemorySchemaRegistry()));
  }

  @AfterAll
  static void closeProducer() {
    events.close();
  }

  @Test
  void aFailingRecordIsRetriedInPlaceUntilItSucceedsAndTheRecordsBehindItKeepTheirOrder()
      throws Exception {
    listener.dependencyDown.set(true);
    send(Reservations.created("INPLACE1", "flaky"));
    send(Reservations.created("INPLACE2", "ok"));

    await().atMost(WAIT).until(() -> deliveries("INPLACE1") >= 3);
    assertThat(deliveries("INPLACE2")).as("waits behind the failing record").isZero();
    listener.dependencyDown.set(false);

    List<ConsumerRecord<String, byte[]>> outcomes =
        new TopicReader(bootstrapServers)
            .await("payments.events", r -> r.key().startsWith("INPLACE"), 2, WAIT);
    assertThat(outcomes).extracting(ConsumerRecord::key).containsExactly("INPLACE1", "INPLACE2");
    assertThat(listener.deliveries)
        .filteredOn(d -> d.startsWith("INPLACE"))
        .allMatch(d -> d.endsWith("@" + INPUT))
        .endsWith("INPLACE1@" + INPUT, "INPLACE2@" + INPUT);
    try (Admin admin = admin()) {
      assertThat(admin.listTopics().names().get()).noneMatch(name -> name.contains("-retry"));
    }
  }

  @Test
  void aNonRetryableRecordGoesToTheDeadLetterTopicAtOnceAndTheRecordBehindItFlows()
      throws Exception {
    send(Reservations.created("POISON02", "poison"));
    send(Reservations.created("BEHIND02", "ok"));

    ConsumerRecord<String, byte[]> deadLetter =
        new TopicReader(bootstrapServers)
            .await(DLT, r -> "POISON02".equals(r.key()), 1, WAIT)
            .get(0);
    new TopicReader(bootstrapServers)
        .await("payments.events", r -> "BEHIND02".equals(r.key()), 1, WAIT);

    assertThat(deliveries("POISON02")).isEqualTo(1);
    assertThat(EventHeaders.lastValue(deadLetter.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC))
        .contains(INPUT);
    assertThat(EventHeaders.lastValue(deadLetter.headers(), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
        .hasValueSatisfying(message -> assertThat(message).contains("cannot handle POISON02"));
    try (Admin admin = admin()) {
      assertThat(admin.listTopics().names().get()).contains(DLT, "in-place.b-support-inplace-dlt");
    }

    // One endpoint for the dead-letter topics of both input topics.
    RawHttp.Response pending =
        new RawHttp("127.0.0.1", port)
            .get("/admin/dead-letters", Map.of("X-Admin-Token", OPERATIONS));
    assertThat(pending.status()).isEqualTo(200);
    assertThat(pending.body())
        .contains(
            "{\"deadLetterTopic\":\"" + DLT + "\",\"pending\":1}",
            "{\"deadLetterTopic\":\"in-place.b-support-inplace-dlt\",\"pending\":0}");
  }

  private long deliveries(String key) {
    return listener.deliveries.stream().filter(d -> d.startsWith(key + "@")).count();
  }

  private void send(ReservationCreated created) throws Exception {
    ProducerRecord<String, SpecificRecord> record =
        new ProducerRecord<>(INPUT, created.getReservation().getCode(), created);
    record
        .headers()
        .add(
            EventHeaders.EVENT_ID,
            created.getMetadata().getEventId().getBytes(StandardCharsets.UTF_8));
    events.send(record).get();
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }
}
