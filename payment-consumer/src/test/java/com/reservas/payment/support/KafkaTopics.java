package com.reservas.payment.support;

import com.reservas.schemas.registry.InMemorySchemaRegistry;
import com.reservas.schemas.serde.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads topics of the embedded broker from the beginning, as an outside observer would. */
public final class KafkaTopics {

  private final String bootstrapServers;
  private final EventCodec codec = new EventCodec(new InMemorySchemaRegistry());

  public KafkaTopics(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** The records of {@code topic} with key {@code key} present now, in order. */
  public List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
    return records(topic, record -> key.equals(record.key()));
  }

  /** The records of {@code topic} matching {@code filter} present now, in offset order. */
  public List<ConsumerRecord<String, byte[]>> records(
      String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          if (filter.test(record)) {
            found.add(record);
          }
        }
      }
    }
    return found;
  }

  /** The events of {@code topic} with key {@code key}, decoded, in order. */
  public List<SpecificRecord> events(String topic, String key) {
    return records(topic, key).stream().map(record -> codec.decode(record.value())).toList();
  }

  /** Decodes a Confluent-framed value. */
  public SpecificRecord decode(byte[] value) {
    return codec.decode(value);
  }

  KafkaConsumer<String, byte[]> consumer() {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
