package com.reservas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.schemas.EventCatalog;
import com.reservas.schemas.registry.InMemorySchemaRegistry;
import com.reservas.schemas.serde.EventCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tail's line for every event type of the catalog, built from the schemas themselves so a new
 * field (and a new personal-data field) is covered the day it is added.
 */
class TopicTailTest {

  private static final String KEY = "K7P2QX9A";
  private static final long MICROS = 1_796_991_600_123_456L; // 2026-12-11T12:20:00.123456Z

  /** Values that must never appear in a tail line, by the kind of personal data. */
  private static final Map<String, String> PERSONAL_VALUES =
      Map.of(
          "email", "ana.garcia@example.com",
          "phone", "+34600111222",
          "token", "pm_card_visa",
          "name", "Ana María García");

  private final TopicTail tail = new TopicTail(new InMemorySchemaRegistry());
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void everyEventTypeIsOneLineWithTopicKeyTypeAndTheEventAsJsonWithPersonalDataMasked() {
    for (String topic : EventCatalog.topics()) {
      for (var type : EventCatalog.eventTypes(topic)) {
        Schema schema = EventCatalog.recordClass(type.getName()).map(this::schemaOf).orElseThrow();
        List<String> personal = new ArrayList<>();
        String line = tail.line(record(topic, framed(schema, sample(schema, personal))));

        assertThat(line).doesNotContain("\n");
        String[] parts = line.split(" ", 4);
        assertThat(parts).as(line).hasSize(4);
        assertThat(parts[0]).isEqualTo(topic);
        assertThat(parts[1]).isEqualTo(KEY);
        assertThat(parts[2]).isEqualTo(schema.getName());
        JsonNode event = json.readTree(parts[3]);
        assertThat(event.isObject()).as(line).isTrue();
        assertThat(event.path("metadata").path("occurredAt").asString())
            .as("timestamps are ISO-8601 instants")
            .isEqualTo("2026-12-11T12:20:00.123456Z");
        for (String value : personal) {
          assertThat(line)
              .as("%s masks the personal value %s", schema.getName(), value)
              .doesNotContain(value);
        }
      }
    }
  }

  @Test
  void theSamplesCarryPersonalDataSoTheMaskingCheckMeansSomething() {
    Schema created = schemaOf(EventCatalog.eventTypes("reservations.events").get(0));
    List<String> personal = new ArrayList<>();
    sample(created, personal);
    assertThat(personal).contains("ana.garcia@example.com", "+34600111222", "pm_card_visa");
  }

  @Test
  void aRecordThatCannotBeDecodedGetsALineSayingWhyAndTheTailGoesOn() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("eventType", "ReservationCreated".getBytes(StandardCharsets.UTF_8));
    ConsumerRecord<String, byte[]> garbage =
        new ConsumerRecord<>(
            "reservations.events",
            0,
            7,
            0L,
            TimestampType.CREATE_TIME,
            0,
            5,
            KEY,
            new byte[] {1, 2, 3, 4, 5},
            headers,
            java.util.Optional.empty());

    assertThat(tail.line(garbage))
        .startsWith("reservations.events K7P2QX9A ReservationCreated (not decodable: ")
        .contains("magic byte");
  }

  private Schema schemaOf(Class<?> type) {
    return org.apache.avro.specific.SpecificData.get().getSchema(type);
  }

  private static ConsumerRecord<String, byte[]> record(String topic, byte[] value) {
    return new ConsumerRecord<>(topic, 0, 0, KEY, value);
  }

  /** Confluent framing with the id every in-memory registry gives the schema. */
  private static byte[] framed(Schema schema, Object datum) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(EventCodec.MAGIC_BYTE);
    out.writeBytes(
        ByteBuffer.allocate(Integer.BYTES)
            .putInt(InMemorySchemaRegistry.deterministicId(schema))
            .array());
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      new GenericDatumWriter<Object>(schema).write(datum, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A value for every field; personal-data fields get realistic values, recorded in personal. */
  private static Object sample(Schema schema, List<String> personal) {
    return value(schema, null, personal);
  }

  private static Object value(Schema schema, Schema.Field field, List<String> personal) {
    return switch (schema.getType()) {
      case RECORD -> {
        GenericData.Record record = new GenericData.Record(schema);
        schema.getFields().forEach(f -> record.put(f.pos(), value(f.schema(), f, personal)));
        yield record;
      }
      case UNION ->
          value(
              schema.getTypes().stream()
                  .filter(s -> s.getType() != Schema.Type.NULL)
                  .findFirst()
                  .orElseThrow(),
              field,
              personal);
      case ARRAY -> List.of(value(schema.getElementType(), field, personal));
      case MAP -> Map.of("k", value(schema.getValueType(), field, personal));
      case STRING -> text(field, personal);
      case ENUM -> new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(0));
      case INT -> 200;
      case LONG -> schema.getLogicalType() == null ? 3L : MICROS;
      case FLOAT -> 1.5f;
      case DOUBLE -> 1.5d;
      case BOOLEAN -> true;
      case BYTES -> ByteBuffer.wrap(new byte[] {1});
      case FIXED -> new GenericData.Fixed(schema, new byte[schema.getFixedSize()]);
      case NULL -> null;
    };
  }

  private static String text(Schema.Field field, List<String> personal) {
    if (field == null || !Boolean.TRUE.equals(field.getObjectProp("pii"))) {
      return field != null && field.name().equals("code") ? KEY : "value";
    }
    String name = field.name().toLowerCase(java.util.Locale.ROOT);
    String value =
        PERSONAL_VALUES.entrySet().stream()
            .filter(kind -> name.contains(kind.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(PERSONAL_VALUES.get("name"));
    personal.add(value);
    return value;
  }
}
