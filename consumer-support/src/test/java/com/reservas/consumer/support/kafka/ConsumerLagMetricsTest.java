package com.reservas.consumer.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

@EmbeddedKafka(partitions = 2, topics = ConsumerLagMetricsTest.TOPIC)
class ConsumerLagMetricsTest {

  static final String TOPIC = "lag.measured";
  private static final String GROUP = "lag-group";

  @Test
  void theLagOfEachPartitionIsWhatTheGroupHasNotCommittedYet(EmbeddedKafkaBroker broker)
      throws Exception {
    String servers = broker.getBrokersAsString();
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < 5; i++) {
        producer.send(new ProducerRecord<>(TOPIC, 0, "k", "v" + i)).get();
      }
      for (int i = 0; i < 2; i++) {
        producer.send(new ProducerRecord<>(TOPIC, 1, "k", "v" + i)).get();
      }
    }
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP),
            new StringDeserializer(),
            new StringDeserializer())) {
      // The group has handled the first three records of partition 0 and none of partition 1.
      consumer.commitSync(Map.of(new TopicPartition(TOPIC, 0), new OffsetAndMetadata(3)));
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ConsumerLagMetrics lag =
        new ConsumerLagMetrics(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
            GROUP,
            List.of(TOPIC),
            Duration.ofMillis(200),
            registry);
    lag.start();
    try {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                assertThat(lagOf(registry, "0")).isEqualTo(2);
                assertThat(lagOf(registry, "1")).isEqualTo(2);
              });
    } finally {
      lag.stop();
    }
    assertThat(lag.isRunning()).isFalse();
  }

  private static double lagOf(SimpleMeterRegistry registry, String partition) {
    Gauge gauge =
        registry
            .find("reservas.consumer.lag")
            .tags("group", GROUP, "topic", TOPIC, "partition", partition)
            .gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }
}
