package com.reservas.schemas.serde;

import com.reservas.schemas.registry.SchemaRegistries;
import com.reservas.schemas.registry.SchemaRegistry;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer reading Confluent-framed events into their generated classes (see {@link
 * EventCodec}); a bad magic byte or an unknown schema id fails with a {@link
 * org.apache.kafka.common.errors.SerializationException} that says so. Built with a registry, or
 * with the no-arg constructor plus the {@link SchemaRegistries} keys in the consumer properties.
 */
public final class AvroEventDeserializer extends EventCodecSerde
    implements Deserializer<SpecificRecord> {

  /** A deserializer whose registry comes from the properties given to {@link #configure}. */
  public AvroEventDeserializer() {}

  /** A deserializer on {@code registry}; {@link #configure} then changes nothing. */
  public AvroEventDeserializer(SchemaRegistry registry) {
    super(registry);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    configureCodec(configs);
  }

  /** Reads the framed event; {@code null} (a tombstone) stays {@code null}. */
  @Override
  public SpecificRecord deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return codec().decode(data);
    } catch (EventCodecException e) {
      throw asSerializationException(e);
    }
  }
}
