package com.reservas.consumer.support.deadletter;

import com.reservas.consumer.support.kafka.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Re-publishes the records of a dead-letter topic to the topic they were first published to (the
 * {@code kafka_original-topic} header that spring-kafka's retry topics set, else {@code
 * kafka_dlt-original-topic}, else the input topic), byte for byte, with their key and their own
 * headers ({@code eventId}, {@code eventType}, {@code traceparent}...) but without the dead-letter
 * and retry headers, plus {@code replayedFrom = <dlt>-<partition>@<offset>}.
 *
 * <p>Progress is kept as the committed offsets of the consumer group {@code <groupId>-dlt-replay},
 * committed only after the broker acknowledged the re-published records: each dead letter is
 * replayed once, and a replay that fails half-way resumes where it stopped. One replay at a time.
 *
 * <p>The re-published record is consumed again by every consumer group of that topic, so consumers
 * must be idempotent (ours are: outcome event ids and external idempotency keys are deterministic).
 */
public class DeadLetterReplayer {

  /** Header added to every replayed record: where it came from. */
  public static final String REPLAYED_FROM_HEADER = "replayedFrom";

  private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Map<String, Object> consumerConfigs;
  private final Map<String, Object> producerConfigs;
  private final String deadLetterTopic;
  private final String defaultTargetTopic;
  private final Duration timeout;

  /**
   * @param consumerConfigs connection settings of a consumer (bootstrap servers, security...);
   *     group, deserializers and offsets are set here
   * @param producerConfigs connection settings of a producer; serializers are set here
   * @param deadLetterTopic the topic to replay
   * @param replayGroupId the consumer group that remembers what was replayed
   * @param defaultTargetTopic where records without an original-topic header go
   * @param timeout the longest one replay reads
   */
  public DeadLetterReplayer(
      Map<String, Object> consumerConfigs,
      Map<String, Object> producerConfigs,
      String deadLetterTopic,
      String replayGroupId,
      String defaultTargetTopic,
      Duration timeout) {
    this.deadLetterTopic = Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    this.defaultTargetTopic = Objects.requireNonNull(defaultTargetTopic, "defaultTargetTopic");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.consumerConfigs = new HashMap<>(consumerConfigs);
    this.consumerConfigs.put(ConsumerConfig.GROUP_ID_CONFIG, replayGroupId);
    this.consumerConfigs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumerConfigs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumerConfigs.put(
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    this.consumerConfigs.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    this.consumerConfigs.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    this.producerConfigs = new HashMap<>(producerConfigs);
    this.producerConfigs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    this.producerConfigs.put(
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    this.producerConfigs.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producerConfigs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producerConfigs.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
  }

  /** The dead-letter topic this replayer reads. */
  public String deadLetterTopic() {
    return deadLetterTopic;
  }

  /** How many dead letters have not been replayed yet. */
  public synchronized long pending() {
    try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfigs)) {
      List<TopicPartition> partitions = partitions(consumer);
      Map<TopicPartition, Long> start = startOffsets(consumer, partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      return partitions.stream().mapToLong(tp -> end.get(tp) - start.get(tp)).sum();
    }
  }

  /**
   * Replays up to {@code limit} dead letters, those present when the replay starts.
   *
   * @throws IllegalStateException if the broker did not acknowledge the re-published records
   */
  public synchronized ReplayResult replay(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfigs);
        Producer<byte[], byte[]> producer = new KafkaProducer<>(producerConfigs)) {
      List<TopicPartition> partitions = partitions(consumer);
      consumer.assign(partitions);
      Map<TopicPartition, Long> start = startOffsets(consumer, partitions);
      start.forEach(consumer::seek);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);

      Map<String, Integer> replayedTo = new TreeMap<>();
      Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      int replayed = 0;
      long deadline = System.nanoTime() + timeout.toNanos();
      while (replayed < limit
          && !reachedEnd(consumer, partitions, end)
          && System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        for (ConsumerRecord<byte[], byte[]> record : records) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (replayed >= limit || record.offset() >= end.get(partition)) {
            consumer.seek(partition, record.offset());
            continue;
          }
          String target = originalTopic(record);
          sent.add(producer.send(replayOf(record, target)));
          progress.put(partition, new OffsetAndMetadata(record.offset() + 1));
          replayedTo.merge(target, 1, Integer::sum);
          replayed++;
        }
      }
      awaitAcknowledgements(producer, sent);
      if (!progress.isEmpty()) {
        consumer.commitSync(progress);
      }
      long remaining =
          partitions.stream()
              .mapToLong(
                  tp ->
                      end.get(tp)
                          - (progress.containsKey(tp) ? progress.get(tp).offset() : start.get(tp)))
              .sum();
      log.info(
          "Replayed {} dead letters from {} to {}; {} remaining",
          replayed,
          deadLetterTopic,
          replayedTo,
          remaining);
      return new ReplayResult(deadLetterTopic, replayed, replayedTo, remaining);
    }
  }

  private List<TopicPartition> partitions(Consumer<byte[], byte[]> consumer) {
    List<PartitionInfo> infos = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(10));
    if (infos == null) {
      return List.of();
    }
    return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
  }

  private static Map<TopicPartition, Long> startOffsets(
      Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
    Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
    Map<TopicPartition, Long> start = new HashMap<>();
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = committed.get(partition);
      start.put(
          partition,
          offset == null
              ? beginning.get(partition)
              : Math.max(offset.offset(), beginning.get(partition)));
    }
    return start;
  }

  private static boolean reachedEnd(
      Consumer<byte[], byte[]> consumer,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> end) {
    return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
  }

  private String originalTopic(ConsumerRecord<byte[], byte[]> record) {
    return EventHeaders.lastValue(record.headers(), KafkaHeaders.ORIGINAL_TOPIC)
        .or(() -> EventHeaders.lastValue(record.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC))
        .orElse(defaultTargetTopic);
  }

  private ProducerRecord<byte[], byte[]> replayOf(
      ConsumerRecord<byte[], byte[]> record, String target) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      if (!isInfrastructureHeader(header.key())) {
        headers.add(header);
      }
    }
    headers.add(
        REPLAYED_FROM_HEADER,
        (record.topic() + "-" + record.partition() + "@" + record.offset())
            .getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>(target, null, record.key(), record.value(), headers);
  }

  /**
   * Spring's dead-letter, retry and deserialization headers describe the failure, not the event.
   */
  private static boolean isInfrastructureHeader(String name) {
    return name.startsWith("kafka_")
        || name.startsWith("retry_topic-")
        || name.startsWith("springDeserializerException")
        || name.equals(REPLAYED_FROM_HEADER);
  }

  private void awaitAcknowledgements(
      Producer<byte[], byte[]> producer, List<Future<RecordMetadata>> sent) {
    producer.flush();
    for (Future<RecordMetadata> future : sent) {
      try {
        future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while replaying " + deadLetterTopic, e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException(
            "Replay of " + deadLetterTopic + " not acknowledged; nothing committed: " + e, e);
      }
    }
  }
}
