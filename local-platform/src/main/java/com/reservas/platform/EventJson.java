package com.reservas.platform;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Avro record as plain JSON, the way a person reads it: unions without their Avro type wrapper,
 * timestamps as ISO-8601 instants, fields in schema order. Avro's own {@code toString()} writes
 * instants without quotes (not JSON), and its JSON encoding wraps every union value in its type.
 */
final class EventJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Resolves union branches, including those of logical types (an {@link Instant} value). */
  private static final GenericData UNIONS = unionResolver();

  private EventJson() {}

  /** {@code record} as one line of JSON. */
  static String of(IndexedRecord record) {
    return JSON.writeValueAsString(node(record.getSchema(), record));
  }

  private static JsonNode node(Schema schema, Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    return switch (schema.getType()) {
      case RECORD -> record(schema, (IndexedRecord) value);
      case UNION -> node(schema.getTypes().get(UNIONS.resolveUnion(schema, value)), value);
      case ARRAY -> array(schema.getElementType(), (Collection<?>) value);
      case MAP -> map(schema.getValueType(), (Map<?, ?>) value);
      case STRING, ENUM -> NODES.stringNode(value.toString());
      case INT -> NODES.numberNode(((Number) value).intValue());
      case LONG ->
          value instanceof Instant instant
              ? NODES.stringNode(instant.toString())
              : NODES.numberNode(((Number) value).longValue());
      case FLOAT, DOUBLE -> NODES.numberNode(((Number) value).doubleValue());
      case BOOLEAN -> NODES.booleanNode((Boolean) value);
      case BYTES -> NODES.stringNode(base64(((ByteBuffer) value).duplicate()));
      case FIXED ->
          NODES.stringNode(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
      case NULL -> NODES.nullNode();
    };
  }

  private static ObjectNode record(Schema schema, IndexedRecord record) {
    ObjectNode object = NODES.objectNode();
    for (Schema.Field field : schema.getFields()) {
      object.set(field.name(), node(field.schema(), record.get(field.pos())));
    }
    return object;
  }

  private static ArrayNode array(Schema elementSchema, Collection<?> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(value -> array.add(node(elementSchema, value)));
    return array;
  }

  private static ObjectNode map(Schema valueSchema, Map<?, ?> values) {
    ObjectNode object = NODES.objectNode();
    values.forEach((key, value) -> object.set(key.toString(), node(valueSchema, value)));
    return object;
  }

  private static GenericData unionResolver() {
    GenericData data = new GenericData();
    data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    return data;
  }

  private static String base64(ByteBuffer bytes) {
    byte[] copy = new byte[bytes.remaining()];
    bytes.get(copy);
    return Base64.getEncoder().encodeToString(copy);
  }
}
