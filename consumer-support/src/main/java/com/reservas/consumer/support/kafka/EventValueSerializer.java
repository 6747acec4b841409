package com.reservas.consumer.support.kafka;

import com.reservas.schemas.serde.AvroEventSerializer;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The producers' value serializer: events ({@link SpecificRecord}) in the Confluent wire format
 * through {@link AvroEventSerializer}, and {@code byte[]} unchanged — the dead-letter publisher
 * forwards the raw bytes of a record that could not be deserialized, and those must reach the
 * dead-letter topic as they were.
 */
public class EventValueSerializer implements Serializer<Object> {

  private final AvroEventSerializer events = new AvroEventSerializer();

  /** Called by Kafka, which then calls {@link #configure} with the producer's properties. */
  public EventValueSerializer() {}

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    events.configure(configs, isKey);
  }

  @Override
  public byte[] serialize(String topic, Object data) {
    if (data == null) {
      return null;
    }
    if (data instanceof byte[] raw) {
      return raw;
    }
    if (data instanceof SpecificRecord event) {
      return events.serialize(topic, event);
    }
    throw new SerializationException(
        "Cannot serialize a " + data.getClass().getName() + ": expected an event or byte[]");
  }

  @Override
  public void close() {
    events.close();
  }
}
