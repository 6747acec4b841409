package com.reservas.relay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.debezium.data.Envelope;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.time.MicroTimestamp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * The batch handler on synthetic Debezium records: offsets are released only after every send of
 * the batch is acknowledged, and invalid rows follow the configured policy.
 */
class OutboxChangeConsumerTest {

  private static final Schema ROW =
      SchemaBuilder.struct()
          .name("relay.db.outbox_event.Value")
          .field("id", Schema.STRING_SCHEMA)
          .field("aggregate_type", Schema.STRING_SCHEMA)
          .field("aggregate_id", Schema.STRING_SCHEMA)
          .field("event_type", Schema.STRING_SCHEMA)
          .field("payload", Schema.BYTES_SCHEMA)
          .field("traceparent", Schema.OPTIONAL_STRING_SCHEMA)
          .field("created_at", MicroTimestamp.builder().build())
          .build();
  private static final Schema SOURCE =
      SchemaBuilder.struct()
          .name("io.debezium.connector.mariadb.Source")
          .field("connector", Schema.STRING_SCHEMA)
          .field("ts_ms", Schema.INT64_SCHEMA)
          .build();
  private static final Envelope ENVELOPE =
      Envelope.defineSchema()
          .withName("relay.db.outbox_event.Envelope")
          .withRecord(ROW)
          .withSource(SOURCE)
          .build();
  private static final Set<String> TOPICS =
      Set.of("reservations.events", "payments.events", "suppliers.events");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RelayMetrics metrics = new RelayMetrics(registry);
  private final RelayState state = new RelayState(Clock.systemUTC());
  private final Committer committer = new Committer();

  @Test
  void publishesEachInsertUnchangedAndReleasesOffsetsOnlyAfterAllAcks() throws Exception {
    MockProducer<String, byte[]> producer = producer();
    List<RecordChangeEvent<SourceRecord>> batch =
        List.of(
            insert("e-1", "reservations.events", "AAAA1111", "ReservationCreated", "00-trace-01"),
            delete("e-1"),
            insert("e-2", "payments.events", "AAAA1111", "PaymentAuthorized", null),
            heartbeat());

    consumer(producer, InvalidRowPolicy.DEAD_LETTER).handleBatch(batch, committer);

    List<ProducerRecord<String, byte[]>> sent = producer.history();
    assertThat(sent).hasSize(2);
    ProducerRecord<String, byte[]> first = sent.get(0);
    assertThat(first.topic()).isEqualTo("reservations.events");
    assertThat(first.key()).isEqualTo("AAAA1111");
    assertThat(first.value()).isEqualTo(payload("e-1"));
    assertThat(header(first, "eventId")).isEqualTo("e-1");
    assertThat(header(first, "eventType")).isEqualTo("ReservationCreated");
    assertThat(header(first, "traceparent")).isEqualTo("00-trace-01");
    assertThat(first.headers().lastHeader("id")).isNull();
    assertThat(sent.get(1).headers().lastHeader("traceparent")).isNull();
    assertThat(committer.processed).containsExactlyElementsOf(batch);
    assertThat(committer.batchesFinished).isEqualTo(1);
    assertThat(
            registry.get("reservas.relay.events").tag("topic", "payments.events").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("reservas.relay.lag").timer().count()).isEqualTo(2);
    assertThat(state.snapshot().eventsPublished()).isEqualTo(2);
  }

  @Test
  void whenKafkaDoesNotAcknowledgeNothingOfTheBatchIsMarkedProcessed() {
    MockProducer<String, byte[]> mock = producer();
    Producer<String, byte[]> failingSecondSend = failingSend(mock, 2);
    List<RecordChangeEvent<SourceRecord>> batch =
        List.of(
            insert("e-1", "reservations.events", "K1", "ReservationCreated", null),
            insert("e-2", "reservations.events", "K2", "ReservationCreated", null),
            insert("e-3", "reservations.events", "K3", "ReservationCreated", null));

    assertThatThrownBy(
            () ->
                consumer(failingSecondSend, InvalidRowPolicy.DEAD_LETTER)
                    .handleBatch(batch, committer))
        .isInstanceOf(OutboxRelayException.class)
        .hasMessageContaining("Kafka did not acknowledge event e-2");
    assertThat(committer.processed).isEmpty();
    assertThat(committer.batchesFinished).isZero();
  }

  @Test
  void deadLetterPolicyRoutesUnknownAggregateTypesAsideAndSkipsUpdates() throws Exception {
    MockProducer<String, byte[]> producer = producer();
    List<RecordChangeEvent<SourceRecord>> batch =
        List.of(
            insert("e-9", "bogus.events", "K9", "Whatever", null),
            update("e-8"),
            insert("e-10", "reservations.events", "K10", "ReservationCreated", null));

    consumer(producer, InvalidRowPolicy.DEAD_LETTER).handleBatch(batch, committer);

    assertThat(producer.history())
        .extracting(ProducerRecord::topic)
        .containsExactly("outbox.invalid", "reservations.events");
    ProducerRecord<String, byte[]> dead = producer.history().get(0);
    assertThat(dead.key()).isEqualTo("K9");
    assertThat(dead.value()).isEqualTo(payload("e-9"));
    assertThat(header(dead, "invalidReason")).contains("unknown aggregate type 'bogus.events'");
    assertThat(header(dead, "originalAggregateType")).isEqualTo("bogus.events");
    assertThat(header(dead, "eventId")).isEqualTo("e-9");
    assertThat(committer.processed).hasSize(3);
    assertThat(invalid("unknown-aggregate-type", "dead-lettered")).isEqualTo(1);
    assertThat(invalid("update", "skipped")).isEqualTo(1);
  }

  @Test
  void skipPolicyPublishesNothingForInvalidRowsButGoesOn() throws Exception {
    MockProducer<String, byte[]> producer = producer();

    consumer(producer, InvalidRowPolicy.SKIP_AND_LOG)
        .handleBatch(
            List.of(insert("e-9", "bogus.events", "K9", "Whatever", null), update("e-8")),
            committer);

    assertThat(producer.history()).isEmpty();
    assertThat(committer.processed).hasSize(2);
    assertThat(invalid("unknown-aggregate-type", "skipped")).isEqualTo(1);
    assertThat(invalid("update", "skipped")).isEqualTo(1);
  }

  @Test
  void failPolicyStopsOnTheInvalidRowWithoutReleasingItsOffset() {
    MockProducer<String, byte[]> producer = producer();
    List<RecordChangeEvent<SourceRecord>> batch =
        List.of(
            insert("e-1", "reservations.events", "K1", "ReservationCreated", null), update("e-8"));

    assertThatThrownBy(
            () -> consumer(producer, InvalidRowPolicy.FAIL).handleBatch(batch, committer))
        .isInstanceOf(OutboxRelayException.class)
        .hasMessageContaining("UPDATE of outbox row e-8");
    assertThat(committer.processed).isEmpty();
    assertThat(invalid("update", "failed")).isEqualTo(1);
  }

  private double invalid(String reason, String action) {
    return registry
        .get("reservas.relay.invalid.rows")
        .tag("reason", reason)
        .tag("action", action)
        .counter()
        .count();
  }

  private OutboxChangeConsumer consumer(Producer<String, byte[]> producer, InvalidRowPolicy p) {
    return new OutboxChangeConsumer(
        producer,
        new OutboxRecordRouter(TOPICS),
        p,
        "outbox.invalid",
        metrics,
        state,
        Clock.systemUTC(),
        PublishTracing.NONE);
  }

  private static MockProducer<String, byte[]> producer() {
    return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  }

  @SuppressWarnings("unchecked")
  private static Producer<String, byte[]> failingSend(Producer<String, byte[]> delegate, int n) {
    int[] sends = {0};
    return (Producer<String, byte[]>)
        Proxy.newProxyInstance(
            Producer.class.getClassLoader(),
            new Class<?>[] {Producer.class},
            (proxy, method, args) -> {
              if (method.getName().equals("send") && ++sends[0] == n) {
                return CompletableFuture.failedFuture(new TimeoutException("injected"));
              }
              return method.invoke(delegate, args);
            });
  }

  private static String header(ProducerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static byte[] payload(String id) {
    return ("avro bytes of " + id).getBytes(StandardCharsets.UTF_8);
  }

  private static Struct row(String id, String type, String key, String eventType, String trace) {
    return new Struct(ROW)
        .put("id", id)
        .put("aggregate_type", type)
        .put("aggregate_id", key)
        .put("event_type", eventType)
        .put("payload", ByteBuffer.wrap(payload(id)))
        .put("traceparent", trace)
        .put("created_at", Instant.now().toEpochMilli() * 1000);
  }

  private static Struct source() {
    return new Struct(SOURCE)
        .put("connector", "mariadb")
        .put("ts_ms", Instant.now().toEpochMilli());
  }

  private static RecordChangeEvent<SourceRecord> change(Struct value) {
    SourceRecord record =
        new SourceRecord(
            Map.of("server", "relay"),
            Map.of("pos", 1L),
            "relay.db.outbox_event",
            null,
            null,
            null,
            ENVELOPE.schema(),
            value);
    return () -> record;
  }

  private static RecordChangeEvent<SourceRecord> insert(
      String id, String type, String key, String eventType, String trace) {
    return change(ENVELOPE.create(row(id, type, key, eventType, trace), source(), Instant.now()));
  }

  private static RecordChangeEvent<SourceRecord> delete(String id) {
    return change(
        ENVELOPE.delete(
            row(id, "reservations.events", "K", "ReservationCreated", null),
            source(),
            Instant.now()));
  }

  private static RecordChangeEvent<SourceRecord> update(String id) {
    Struct before = row(id, "reservations.events", "K", "ReservationCreated", null);
    Struct after = row(id, "reservations.events", "K", "Changed", null);
    return change(ENVELOPE.update(before, after, source(), Instant.now()));
  }

  private static RecordChangeEvent<SourceRecord> heartbeat() {
    Schema schema = SchemaBuilder.struct().field("ts_ms", Schema.INT64_SCHEMA).build();
    SourceRecord record =
        new SourceRecord(
            Map.of("server", "relay"),
            Map.of("pos", 2L),
            "__debezium-heartbeat.relay",
            null,
            null,
            null,
            schema,
            new Struct(schema).put("ts_ms", 1L));
    return () -> record;
  }

  private static final class Committer
      implements DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> {
    final List<RecordChangeEvent<SourceRecord>> processed = new ArrayList<>();
    int batchesFinished;

    @Override
    public void markProcessed(RecordChangeEvent<SourceRecord> record) {
      processed.add(record);
    }

    @Override
    public void markBatchFinished() {
      batchesFinished++;
    }

    @Override
    public void markProcessed(
        RecordChangeEvent<SourceRecord> record, DebeziumEngine.Offsets sourceOffsets) {
      processed.add(record);
    }

    @Override
    public DebeziumEngine.Offsets buildOffsets() {
      throw new UnsupportedOperationException();
    }
  }
}
