package com.reservas.platform;

import com.reservas.schemas.serde.AvroEventDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints a topic's events decoded from Avro, oldest first, then follows new ones — the quickest way
 * to watch the saga: {@code java -jar reservas-local-platform.jar tail reservations.events}.
 */
final class TopicTail {

  private TopicTail() {}

  static void run(String bootstrapServers, List<String> topics) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            "reservas-tail-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    try (KafkaConsumer<String, SpecificRecord> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new AvroEventDeserializer())) {
      consumer.subscribe(topics);
      Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup));
      while (true) {
        for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofSeconds(1))) {
          System.out.printf(
              "%s key=%s %s %s%n",
              record.topic(),
              record.key(),
              record.value() == null ? "-" : record.value().getSchema().getName(),
              record.value());
        }
      }
    } catch (org.apache.kafka.common.errors.WakeupException stopped) {
      // Ctrl-C
    }
  }
}
