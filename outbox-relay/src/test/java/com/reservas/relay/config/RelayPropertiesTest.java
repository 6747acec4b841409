package com.reservas.relay.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.relay.engine.ConnectorKind;
import com.reservas.relay.engine.InvalidRowPolicy;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RelayPropertiesTest {

  private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
  private static final Validator validator = factory.getValidator();

  @AfterAll
  static void close() {
    factory.close();
  }

  static RelayProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("reservas.relay", RelayProperties.class);
  }

  static List<String> violations(Map<String, String> values) {
    Set<ConstraintViolation<RelayProperties>> violations = validator.validate(bind(values));
    return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).toList();
  }

  @Test
  void defaultsDescribeTheLocalRun() {
    RelayProperties p = bind(Map.of("reservas.relay.database.password", "secret"));

    assertThat(p.connector()).isEqualTo(ConnectorKind.MARIADB);
    assertThat(p.database().port()).isEqualTo(3306);
    assertThat(p.database().outboxTable()).isEqualTo("outbox_event");
    assertThat(p.topics().names())
        .containsExactly("reservations.events", "payments.events", "suppliers.events");
    assertThat(p.topics().partitions()).isEqualTo(6);
    assertThat(p.topics().retention()).isEqualTo(Duration.ofDays(7));
    assertThat(p.invalidRow()).isEqualTo(InvalidRowPolicy.DEAD_LETTER);
    assertThat(p.deadLetterTopic()).isEqualTo("outbox.invalid");
    assertThat(p.engine().pollInterval()).isEqualTo(Duration.ofMillis(50));
    assertThat(p.engine().offsetFlushInterval()).isZero();
    assertThat(p.storageJdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/reservas");
    assertThat(p.storageUser()).isEqualTo("root");
    assertThat(p.storagePassword()).isEqualTo("secret");
    assertThat(violations(Map.of("reservas.relay.database.password", "secret"))).isEmpty();
  }

  @Test
  void kebabCaseValuesBindAndTheMysqlConnectorUsesTheMysqlDriver() {
    RelayProperties p =
        bind(
            Map.of(
                "reservas.relay.connector", "mysql",
                "reservas.relay.invalid-row", "skip-and-log",
                "reservas.relay.database.password", "secret",
                "reservas.relay.storage.password", "other",
                "reservas.relay.engine.debezium.database.ssl.mode", "required"));

    assertThat(p.connector()).isEqualTo(ConnectorKind.MYSQL);
    assertThat(p.invalidRow()).isEqualTo(InvalidRowPolicy.SKIP_AND_LOG);
    assertThat(p.storageJdbcUrl()).startsWith("jdbc:mysql://");
    assertThat(p.storagePassword()).isEqualTo("other");
    assertThat(p.engine().debezium()).containsEntry("database.ssl.mode", "required");
  }

  @Test
  void invalidSettingsAreRefusedWithTheReason() {
    Map<String, String> values = new HashMap<>();
    values.put("reservas.relay.topics.partitions", "0");
    values.put("reservas.relay.restart.initial-backoff", "5m");
    values.put("reservas.relay.restart.max-backoff", "1m");
    values.put("reservas.relay.dead-letter-topic", "reservations.events");
    values.put("reservas.relay.health.stall-timeout", "5s");
    values.put("reservas.relay.database.server-id", "0");

    assertThat(violations(values))
        .anyMatch(v -> v.startsWith("topics.partitions"))
        .anyMatch(v -> v.contains("initial-backoff must be positive and not above max-backoff"))
        .anyMatch(v -> v.contains("dead-letter-topic must not be one of topics.names"))
        .anyMatch(v -> v.contains("stall-timeout must exceed engine.keep-alive-interval"))
        .anyMatch(v -> v.contains("storage password is empty"))
        .anyMatch(v -> v.startsWith("database.serverId"));
  }

  @Test
  void theProducerAlwaysWaitsForAllReplicasIsIdempotentAndKeepsOrder() {
    Map<String, Object> config =
        RelayConfiguration.producerConfig(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "k:9092",
                ProducerConfig.ACKS_CONFIG,
                "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                20));

    assertThat(config)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5)
        .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092");
    assertThat(
            RelayConfiguration.producerConfig(
                    Map.of(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1"))
                .get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION))
        .isEqualTo("1");
  }

  @Test
  void theDeadLetterTopicIsCreatedOnlyWhenRowsAreDeadLettered() {
    RelayProperties deadLetter = bind(Map.of("reservas.relay.database.password", "x"));
    RelayProperties skipping =
        bind(
            Map.of(
                "reservas.relay.database.password", "x",
                "reservas.relay.invalid-row", "skip-and-log"));

    assertThat(RelayConfiguration.topicSpec(deadLetter).names()).contains("outbox.invalid");
    assertThat(RelayConfiguration.topicSpec(skipping).names()).doesNotContain("outbox.invalid");
  }
}
