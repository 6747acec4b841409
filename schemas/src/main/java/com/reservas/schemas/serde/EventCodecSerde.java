package com.reservas.schemas.serde;

import com.reservas.schemas.registry.SchemaRegistry;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * What the Kafka serializer and deserializer share: an {@link EventCodec} given up front or built
 * from the Kafka client properties in {@code configure()}, and the translation of codec failures
 * into Kafka's {@link SerializationException}.
 */
abstract class EventCodecSerde {

  private EventCodec codec;

  EventCodecSerde() {}

  EventCodecSerde(SchemaRegistry registry) {
    this.codec = new EventCodec(registry);
  }

  /** Builds the codec from {@code configs} unless one was given to the constructor. */
  final void configureCodec(Map<String, ?> configs) {
    if (codec != null) {
      return;
    }
    try {
      codec = EventCodec.fromConfig(configs);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  final EventCodec codec() {
    if (codec == null) {
      throw new IllegalStateException(
          getClass().getSimpleName()
              + " has no schema registry: construct it with one or call configure() first");
    }
    return codec;
  }

  static SerializationException asSerializationException(EventCodecException e) {
    return new SerializationException(e.getMessage(), e);
  }
}
