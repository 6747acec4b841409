package com.reservas.load.integrity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the topics with plain kafka-clients, without a consumer group (nothing is committed, no
 * consumer of the platform is disturbed): records per topic in the run window (by record time), and
 * for the event topics the keys (reservation codes) and the {@code eventType} headers.
 */
final class TopicProbe implements AutoCloseable {

  /** What one topic holds in the run window. */
  record TopicContent(long records, Set<String> keys, Map<String, Long> eventTypes) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final Set<String> topics;

  private TopicProbe(KafkaConsumer<String, byte[]> consumer, Set<String> topics) {
    this.consumer = consumer;
    this.topics = topics;
  }

  /** Connects and lists the topics; throws if the broker does not answer within a few seconds. */
  static TopicProbe connect(String bootstrapServers) throws Exception {
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    admin.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    Set<String> names;
    try (Admin client = Admin.create(admin)) {
      names = new TreeSet<>(client.listTopics().names().get(6, TimeUnit.SECONDS));
    }
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reservas-integrity-check");
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    return new TopicProbe(consumer, names);
  }

  Set<String> topics() {
    return topics;
  }

  /** Records of {@code topic} in the run window, counted from offsets (nothing is read). */
  long countSince(String topic, long sinceEpochMillis) {
    List<TopicPartition> partitions = partitions(topic);
    Map<TopicPartition, Long> start = startOffsets(partitions, sinceEpochMillis);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    long total = 0;
    for (TopicPartition p : partitions) {
      total += end.get(p) - start.get(p);
    }
    return total;
  }

  /** Reads {@code topic}'s records of the run window: their keys and event types. */
  TopicContent read(String topic, long sinceEpochMillis, Duration budget) {
    List<TopicPartition> partitions = partitions(topic);
    Map<TopicPartition, Long> start = startOffsets(partitions, sinceEpochMillis);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    consumer.assign(partitions);
    partitions.forEach(p -> consumer.seek(p, start.get(p)));
    Set<String> keys = new HashSet<>();
    Map<String, Long> types = new TreeMap<>();
    long records = 0;
    long deadline = System.nanoTime() + budget.toNanos();
    while (!reached(end) && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
        if (record.timestamp() < sinceEpochMillis) {
          continue;
        }
        records++;
        if (record.key() != null) {
          keys.add(record.key());
        }
        Header type = record.headers().lastHeader("eventType");
        String name = type == null ? "(no eventType header)" : utf8(type.value());
        types.merge(name, 1L, Long::sum);
      }
    }
    if (!reached(end)) {
      throw new IllegalStateException(
          "Could not read " + topic + " to its end within " + budget.toSeconds() + " s");
    }
    consumer.unsubscribe();
    return new TopicContent(records, keys, types);
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private List<TopicPartition> partitions(String topic) {
    List<TopicPartition> out = new ArrayList<>();
    List<PartitionInfo> infos = consumer.partitionsFor(topic);
    if (infos != null) {
      infos.forEach(i -> out.add(new TopicPartition(i.topic(), i.partition())));
    }
    return out;
  }

  private Map<TopicPartition, Long> startOffsets(
      List<TopicPartition> partitions, long sinceEpochMillis) {
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(p -> query.put(p, sinceEpochMillis));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    Map<TopicPartition, Long> start = new HashMap<>();
    for (TopicPartition p : partitions) {
      OffsetAndTimestamp at = found.get(p);
      start.put(p, at == null ? end.get(p) : at.offset());
    }
    return start;
  }

  private static String utf8(byte[] bytes) {
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
