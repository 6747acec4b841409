package com.reservas.relay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads existing topics from the beginning, every partition, as a downstream consumer would. */
final class TopicReader implements AutoCloseable {

  /** One consumed record and when it was received (System.nanoTime). */
  record Received(ConsumerRecord<String, byte[]> record, long receivedNanos) {
    String header(String name) {
      Header header = record.headers().lastHeader(name);
      return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
  }

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<Received> received = new ArrayList<>();

  TopicReader(String bootstrapServers, String... topics) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                5),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Polls until {@code done} holds for everything received so far, or the timeout. */
  List<Received> pollUntil(Predicate<List<Received>> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.test(received) && System.nanoTime() < deadline) {
      poll(Duration.ofMillis(20));
    }
    return List.copyOf(received);
  }

  /** Polls until at least {@code count} records arrived, then a little longer for extras. */
  List<Received> pollAtLeast(int count, Duration timeout, Duration settle) {
    pollUntil(r -> r.size() >= count, timeout);
    long deadline = System.nanoTime() + settle.toNanos();
    while (System.nanoTime() < deadline) {
      poll(Duration.ofMillis(20));
    }
    return List.copyOf(received);
  }

  /**
   * The records of {@code keys} received so far, after polling until {@code expected} distinct
   * events (by {@code eventId} header) of them arrived, or the timeout.
   */
  Delivery deliveryOf(Set<String> keys, long expected, Duration timeout) {
    pollUntil(r -> Delivery.of(r, keys).distinct() >= expected, timeout);
    return Delivery.of(received(), keys);
  }

  /** Received records of some keys, and how often each event ({@code eventId}) came. */
  record Delivery(List<Received> records, Map<String, Long> perEventId) {

    static Delivery of(List<Received> received, Set<String> keys) {
      List<Received> mine = received.stream().filter(r -> keys.contains(r.record().key())).toList();
      return new Delivery(
          mine,
          mine.stream()
              .collect(Collectors.groupingBy(r -> r.header("eventId"), Collectors.counting())));
    }

    int distinct() {
      return perEventId.size();
    }

    long duplicates() {
      return records.size() - perEventId.size();
    }
  }

  void poll(Duration duration) {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(duration)) {
      received.add(new Received(record, System.nanoTime()));
    }
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
