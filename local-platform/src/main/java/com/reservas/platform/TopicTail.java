package com.reservas.platform;

import com.reservas.consumer.support.kafka.EventHeaders;
import com.reservas.privacy.PersonalDataMasker;
import com.reservas.schemas.EventCatalog;
import com.reservas.schemas.registry.SchemaRegistries;
import com.reservas.schemas.registry.SchemaRegistry;
import com.reservas.schemas.serde.EventCodec;
import com.reservas.schemas.serde.EventCodecException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints the events of a running platform's topics, oldest first, then follows new ones — the
 * quickest way to watch the saga: {@code java -jar reservas-local-platform.jar tail
 * reservations.events payments.events suppliers.events}. One line per event: topic, key, event type
 * and the event as JSON with personal data masked. A record that cannot be decoded gets a line
 * saying why, and the tail goes on.
 */
final class TopicTail {

  /** The tail's logging: warnings and errors on standard error, events alone on standard out. */
  static final String LOGGING_CONFIG = "reservas-tail-logback.xml";

  private static final Duration BROKER_WAIT = Duration.ofSeconds(15);

  private final EventCodec codec;
  private final PersonalDataMasker masker = PersonalDataMasker.standard();

  TopicTail(SchemaRegistry registry) {
    this.codec = new EventCodec(registry);
  }

  /** {@code topics}: the topics to follow; none means all of the platform's event topics. */
  static void main(String[] topics) {
    LocalSettings settings = LocalSettings.from(System.getenv());
    String bootstrapServers = "127.0.0.1:" + settings.kafkaPort();
    TopicTail tail =
        new TopicTail(
            SchemaRegistries.fromConfig(
                Map.of(SchemaRegistries.URL_CONFIG, settings.schemaRegistryUrl())));
    int exitCode =
        tail.follow(
            bootstrapServers,
            topics.length == 0 ? List.copyOf(EventCatalog.topics()) : List.of(topics),
            System.out,
            System.err);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /**
   * Prints every event of {@code topics} on {@code out} until the JVM is asked to stop; returns the
   * exit code (non-zero when no broker answers).
   */
  int follow(String bootstrapServers, List<String> topics, PrintStream out, PrintStream err) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            "reservas-tail-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
            false);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      Set<String> existing;
      try {
        existing = consumer.listTopics(BROKER_WAIT).keySet();
      } catch (TimeoutException e) {
        err.println(
            "No Kafka broker answers on "
                + bootstrapServers
                + " — is the platform running? (its port is set by "
                + LocalSettings.KAFKA_PORT
                + ")");
        return 2;
      }
      topics.stream()
          .filter(topic -> !existing.contains(topic))
          .forEach(topic -> err.println("Topic " + topic + " does not exist yet; waiting for it"));
      Thread main = Thread.currentThread();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    consumer.wakeup();
                    joinQuietly(main);
                  },
                  "tail-stop"));
      consumer.subscribe(topics);
      while (true) {
        consumer.poll(Duration.ofSeconds(1)).forEach(record -> out.println(line(record)));
      }
    } catch (WakeupException stopped) {
      return 0;
    }
  }

  /** {@code <topic> <key> <event type> <event as JSON, personal data masked>}. */
  String line(ConsumerRecord<String, byte[]> record) {
    String prefix = record.topic() + " " + (record.key() == null ? "-" : record.key()) + " ";
    if (record.value() == null) {
      return prefix + "- (tombstone)";
    }
    try {
      SpecificRecord event = codec.decode(record.value());
      return prefix + event.getSchema().getName() + " " + masker.maskText(EventJson.of(event));
    } catch (EventCodecException e) {
      return prefix
          + EventHeaders.lastValue(record.headers(), EventHeaders.EVENT_TYPE).orElse("?")
          + " (not decodable: "
          + masker.maskText(e.getMessage())
          + ")";
    }
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
