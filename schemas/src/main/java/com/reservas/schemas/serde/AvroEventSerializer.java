package com.reservas.schemas.serde;

import com.reservas.schemas.registry.SchemaRegistries;
import com.reservas.schemas.registry.SchemaRegistry;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka value serializer writing events in the Confluent wire format (see {@link EventCodec}), so
 * any Confluent-compatible consumer, Connect sink or UI can read our topics. Confluent's own
 * serializer is not on Maven Central. Built with a registry, or with the no-arg constructor plus
 * the {@link SchemaRegistries} keys in the producer properties.
 */
public final class AvroEventSerializer extends EventCodecSerde
    implements Serializer<SpecificRecord> {

  /** A serializer whose registry comes from the properties given to {@link #configure}. */
  public AvroEventSerializer() {}

  /** A serializer on {@code registry}; {@link #configure} then changes nothing. */
  public AvroEventSerializer(SchemaRegistry registry) {
    super(registry);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    configureCodec(configs);
  }

  /** Frames {@code event}; {@code null} (a tombstone) stays {@code null}. */
  @Override
  public byte[] serialize(String topic, SpecificRecord event) {
    if (event == null) {
      return null;
    }
    try {
      return codec().encode(topic, event);
    } catch (EventCodecException e) {
      throw asSerializationException(e);
    }
  }
}
