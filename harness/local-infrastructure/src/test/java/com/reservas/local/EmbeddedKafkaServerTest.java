package com.reservas.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.local.EmbeddedKafkaServer.PortInUseException;
import com.reservas.local.EmbeddedKafkaServer.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

// The persistence test runs first so that its cold start includes loading the broker's classes, as
// the launcher's does.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedKafkaServerTest {

  private static final Duration READY = Duration.ofSeconds(60);
  private static final String TOPIC = "reservations.events";
  private static final String GROUP = "probe-group";

  private static Settings freePorts() {
    return Settings.defaults().withBrokerPort(0).withControllerPort(0);
  }

  @Test
  @Order(1)
  void keepsClusterTopicsRecordsAndOffsetsBetweenRunsOnTheSameDataDirectory(@TempDir Path tmp)
      throws Exception {
    Path dataDir = tmp.resolve("kafka");
    Settings settings = freePorts().withDataDir(dataDir);

    PrintStream originalOut = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    long coldStart = System.nanoTime();
    EmbeddedKafkaServer first;
    System.setOut(new PrintStream(printed, true, UTF_8));
    try {
      first = EmbeddedKafkaServer.start(settings);
      first.awaitReady(READY);
    } finally {
      System.setOut(originalOut);
    }
    Duration cold = Duration.ofNanos(System.nanoTime() - coldStart);
    assertThat(printed.toString(UTF_8)).as("printed to System.out").isEmpty();

    String clusterId = first.clusterId();
    assertThatThrownBy(() -> EmbeddedKafkaServer.start(settings))
        .as("a second server on the same data directory")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dataDir + " is in use by another Kafka server");
    RecordMetadata written;
    try (first;
        Admin admin = admin(first)) {
      assertThat(first.bootstrapServers()).isEqualTo("127.0.0.1:" + first.brokerPort());
      assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
      admin
          .createTopics(List.of(new NewTopic(TOPIC, Optional.empty(), Optional.empty())))
          .all()
          .get();
      TopicDescription topic =
          admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
      assertThat(topic.partitions()).hasSize(Settings.DEFAULT_PARTITIONS);

      try (KafkaProducer<String, String> producer = producer(first)) {
        written = producer.send(new ProducerRecord<>(TOPIC, "K7P2QX9A", "created")).get();
      }
      try (KafkaConsumer<String, String> consumer = consumer(first, GROUP)) {
        consumer.subscribe(List.of(TOPIC));
        ConsumerRecord<String, String> read = pollOne(consumer);
        assertThat(read.key()).isEqualTo("K7P2QX9A");
        assertThat(read.value()).isEqualTo("created");
        consumer.commitSync();
      }
    }
    assertThatCode(first::close).as("second close").doesNotThrowAnyException();
    assertThat(dataDir.resolve("meta.properties")).exists();

    long warmStart = System.nanoTime();
    try (EmbeddedKafkaServer second = EmbeddedKafkaServer.start(settings)) {
      second.awaitReady(READY);
      Duration warm = Duration.ofNanos(System.nanoTime() - warmStart);
      System.out.printf(
          "EmbeddedKafkaServer start until ready: cold (format + start) %d ms, warm (resume) %d"
              + " ms%n",
          cold.toMillis(), warm.toMillis());

      assertThat(second.clusterId()).isEqualTo(clusterId);
      try (Admin admin = admin(second)) {
        assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
        assertThat(admin.listTopics().names().get()).contains(TOPIC);
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
        TopicPartition partition = new TopicPartition(TOPIC, written.partition());
        assertThat(committed.get(partition).offset()).isEqualTo(written.offset() + 1);
      }
      try (KafkaConsumer<String, String> consumer = consumer(second, "another-group")) {
        consumer.subscribe(List.of(TOPIC));
        ConsumerRecord<String, String> read = pollOne(consumer);
        assertThat(read.key()).isEqualTo("K7P2QX9A");
        assertThat(read.value()).isEqualTo("created");
        assertThat(read.offset()).isEqualTo(written.offset());
      }
    }
  }

  @Test
  void aTemporaryDataDirectoryIsDeletedOnCloseAndClosingTwiceIsHarmless() {
    EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(freePorts());
    Path dataDir = kafka.dataDir();
    try {
      kafka.awaitReady(READY);
      assertThat(dataDir.resolve("meta.properties")).exists();
    } finally {
      kafka.close();
    }
    assertThat(dataDir).doesNotExist();
    assertThatCode(kafka::close).doesNotThrowAnyException();
  }

  @Test
  void refusesABusyPortNamingThePortAndTheSettingThatChangesIt() throws Exception {
    Settings named = freePorts().withPortSettingNames("KAFKA_PORT_VAR", "CONTROLLER_PORT_VAR");
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = busy.getLocalPort();
      assertThatThrownBy(() -> EmbeddedKafkaServer.start(named.withBrokerPort(port)))
          .isInstanceOf(PortInUseException.class)
          .hasMessage(
              "Port " + port + " is in use (Kafka broker). Set KAFKA_PORT_VAR to use another port.")
          .satisfies(
              e -> {
                assertThat(((PortInUseException) e).port()).isEqualTo(port);
                assertThat(((PortInUseException) e).settingName()).isEqualTo("KAFKA_PORT_VAR");
              });
    }
    // Taken on every interface (as another Kafka would): still refused on 127.0.0.1.
    try (ServerSocket busy = new ServerSocket()) {
      busy.bind(new InetSocketAddress(0));
      int port = busy.getLocalPort();
      assertThatThrownBy(() -> EmbeddedKafkaServer.start(named.withControllerPort(port)))
          .isInstanceOf(PortInUseException.class)
          .hasMessage(
              "Port "
                  + port
                  + " is in use (Kafka controller). Set CONTROLLER_PORT_VAR to use another port.");
    }
  }

  @Test
  void settingsDefaultToTheFixedLocalPortsAndRejectNonsense() {
    Settings defaults = Settings.defaults();
    assertThat(defaults.brokerPort()).isEqualTo(9092);
    assertThat(defaults.controllerPort()).isEqualTo(9093);
    assertThat(defaults.partitions()).isEqualTo(6);
    assertThat(defaults.dataDir()).isNull();
    assertThat(defaults.brokerPortSetting()).isEqualTo("RESERVAS_KAFKA_PORT");
    assertThatThrownBy(() -> defaults.withControllerPort(9092))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withBrokerPort(70_000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withPartitions(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Admin admin(EmbeddedKafkaServer kafka) {
    return Admin.create(
        Map.<String, Object>of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
  }

  private static KafkaProducer<String, String> producer(EmbeddedKafkaServer kafka) {
    return new KafkaProducer<>(
        Map.<String, Object>of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(EmbeddedKafkaServer kafka, String group) {
    return new KafkaConsumer<>(
        Map.<String, Object>of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            group,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new StringDeserializer());
  }

  private static ConsumerRecord<String, String> pollOne(KafkaConsumer<String, String> consumer) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (records.isEmpty() && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    assertThat(records).as("records read from " + Set.of(TOPIC)).hasSize(1);
    return records.get(0);
  }
}
