package com.reservas.provider;

import com.reservas.consumer.support.kafka.EventHeaders;
import com.reservas.consumer.support.kafka.OutcomeEvents;
import com.reservas.schemas.avro.EventMetadata;
import com.reservas.schemas.serde.AvroEventDeserializer;
import com.reservas.schemas.serde.AvroEventSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.BytesDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * The other end of the provider consumer in tests: publishes reservation events as the outbox relay
 * does (key = reservation code, headers {@code eventId}, {@code eventType}, {@code traceparent}),
 * and records everything written to a topic.
 */
public final class KafkaTestClients {

  private KafkaTestClients() {}

  /** Kafka does not configure serde instances given to it; no settings = in-memory registry. */
  private static <T extends org.apache.kafka.common.serialization.Serializer<?>> T configured(
      T serializer) {
    serializer.configure(Map.of(), false);
    return serializer;
  }

  private static AvroEventDeserializer configured(AvroEventDeserializer deserializer) {
    deserializer.configure(Map.of(), false);
    return deserializer;
  }

  /** Publishes reservation events to {@code reservations.events} like the relay. */
  public static final class RelayStandIn implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;

    public RelayStandIn(String bootstrapServers) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  bootstrapServers,
                  ProducerConfig.ACKS_CONFIG,
                  "all",
                  ProducerConfig.LINGER_MS_CONFIG,
                  5),
              new StringSerializer(),
              configured(new AvroEventSerializer()));
    }

    /** Publishes {@code event} keyed by {@code code} and waits for the broker. */
    public void publish(String code, SpecificRecord event) {
      EventMetadata metadata = OutcomeEvents.metadataOf(event);
      RecordHeaders headers = new RecordHeaders();
      headers.add(EventHeaders.EVENT_ID, utf8(metadata.getEventId()));
      headers.add(EventHeaders.EVENT_TYPE, utf8(metadata.getEventType()));
      headers.add(EventHeaders.TRACEPARENT, utf8(metadata.getTraceparent()));
      try {
        producer
            .send(new ProducerRecord<>("reservations.events", null, code, event, headers))
            .get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("Could not publish " + metadata.getEventType(), e);
      }
    }

    /** Publishes without waiting (bulk). */
    public void publishAsync(String code, SpecificRecord event) {
      EventMetadata metadata = OutcomeEvents.metadataOf(event);
      RecordHeaders headers = new RecordHeaders();
      headers.add(EventHeaders.EVENT_ID, utf8(metadata.getEventId()));
      headers.add(EventHeaders.EVENT_TYPE, utf8(metadata.getEventType()));
      producer.send(new ProducerRecord<>("reservations.events", null, code, event, headers));
    }

    public void flush() {
      producer.flush();
    }

    @Override
    public void close() {
      producer.close(Duration.ofSeconds(5));
    }

    private static byte[] utf8(String value) {
      return value.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Reads a topic from its beginning in the background and keeps every record. */
  public static final class TopicRecorder<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final ConcurrentLinkedQueue<ConsumerRecord<String, V>> records =
        new ConcurrentLinkedQueue<>();
    private final Thread poller;
    private volatile boolean running = true;

    private TopicRecorder(KafkaConsumer<String, V> consumer, String topic) {
      this.consumer = consumer;
      consumer.subscribe(List.of(topic));
      poller =
          new Thread(
              () -> {
                while (running) {
                  consumer.poll(Duration.ofMillis(50)).forEach(records::add);
                }
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
              },
              "recorder-" + topic);
      poller.setDaemon(true);
      poller.start();
    }

    /** Records the events (Avro) of {@code topic}. */
    public static TopicRecorder<SpecificRecord> events(String bootstrapServers, String topic) {
      return new TopicRecorder<>(
          new KafkaConsumer<>(
              config(bootstrapServers),
              new StringDeserializer(),
              configured(new AvroEventDeserializer())),
          topic);
    }

    /** Records the raw values of {@code topic} (dead letters keep the bytes they came with). */
    public static TopicRecorder<Bytes> raw(String bootstrapServers, String topic) {
      return new TopicRecorder<>(
          new KafkaConsumer<>(
              config(bootstrapServers), new StringDeserializer(), new BytesDeserializer()),
          topic);
    }

    private static Map<String, Object> config(String bootstrapServers) {
      return Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
          bootstrapServers,
          ConsumerConfig.GROUP_ID_CONFIG,
          "test-recorder-" + UUID.randomUUID(),
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
          "earliest",
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
          false);
    }

    /** Every record so far whose key is {@code key}, in arrival order. */
    public List<ConsumerRecord<String, V>> forKey(String key) {
      return matching(record -> key.equals(record.key()));
    }

    public List<ConsumerRecord<String, V>> matching(Predicate<ConsumerRecord<String, V>> filter) {
      List<ConsumerRecord<String, V>> found = new ArrayList<>();
      for (ConsumerRecord<String, V> record : records) {
        if (filter.test(record)) {
          found.add(record);
        }
      }
      return found;
    }

    public int size() {
      return records.size();
    }

    @Override
    public void close() {
      running = false;
      try {
        poller.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
