package com.reservas.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/kafka-connect/reservas-outbox-connector.json: the Kafka Connect equivalent of the embedded
 * relay must publish the same records (topic, key, value bytes, headers).
 */
class KafkaConnectConfigTest {

  private static final JsonNode CONNECTOR =
      JsonMapper.builder()
          .build()
          .readTree(Repository.read("deploy/kafka-connect/reservas-outbox-connector.json"));

  private static final Map<String, String> CONFIG = config();

  @Test
  void isTheDebeziumMysqlConnectorOnTheOutboxTableOnly() {
    assertThat(CONNECTOR.path("name").asString()).isNotBlank();
    assertThat(CONFIG)
        .containsEntry("connector.class", "io.debezium.connector.mysql.MySqlConnector")
        .containsEntry("tasks.max", "1")
        .containsEntry("table.include.list", "reservas.outbox_event")
        .containsEntry("snapshot.mode", "no_data")
        .containsEntry("snapshot.locking.mode", "none")
        .containsEntry("skipped.operations", "d,t");
    // Not the embedded relay's replica id: both must never read the binlog as the same replica.
    String relayServerId =
        ServiceConfiguration.of(SpringService.OUTBOX_RELAY)
            .environment(Map.of())
            .getProperty("reservas.relay.database.server-id");
    assertThat(CONFIG.get("database.server.id")).isNotEqualTo(relayServerId);
  }

  @Test
  void routesWithTheOutboxEventRouterExactlyAsTheRelayDoes() {
    assertThat(CONFIG.get("transforms")).isEqualTo("outbox");
    assertThat(CONFIG)
        .containsEntry("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter")
        .containsEntry("transforms.outbox.table.field.event.id", "id")
        .containsEntry("transforms.outbox.table.field.event.key", "aggregate_id")
        .containsEntry("transforms.outbox.table.field.event.payload", "payload")
        .containsEntry("transforms.outbox.route.by.field", "aggregate_type")
        .containsEntry("transforms.outbox.route.topic.replacement", "${routedByValue}");
    assertThat(
            Arrays.asList(
                CONFIG.get("transforms.outbox.table.fields.additional.placement").split(",")))
        .contains(
            "event_type:header:eventType", "traceparent:header:traceparent", "id:header:eventId");

    // The relay documents the settings it applies (outbox-relay/README.md); they must agree.
    String readme = Repository.read("outbox-relay/README.md");
    for (String setting :
        new String[] {
          "table.field.event.id",
          "table.field.event.key",
          "table.field.event.payload",
          "route.by.field",
          "route.topic.replacement",
          "table.fields.additional.placement"
        }) {
      Matcher documented =
          Pattern.compile("`" + Pattern.quote(setting) + "=([^`]+)`").matcher(readme);
      assertThat(documented.find()).as(setting + " in outbox-relay/README.md").isTrue();
      assertThat(CONFIG.get("transforms.outbox." + setting))
          .as(setting)
          .isEqualTo(documented.group(1));
    }
    // Heartbeats and other non-outbox records bypass the router.
    assertThat(CONFIG.get("transforms.outbox.predicate")).isNotBlank();
    String predicate = "predicates." + CONFIG.get("transforms.outbox.predicate");
    assertThat(CONFIG.get(predicate + ".type"))
        .isEqualTo("org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
    assertThat(CONFIG.get("topic.prefix") + ".reservas.outbox_event")
        .matches(CONFIG.get(predicate + ".pattern"));
  }

  @Test
  void passesTheAvroBytesThroughUnchanged() {
    assertThat(CONFIG.get("value.converter"))
        .isIn(
            "io.debezium.converters.BinaryDataConverter",
            "org.apache.kafka.connect.converters.ByteArrayConverter");
    assertThat(CONFIG.get("key.converter"))
        .isEqualTo("org.apache.kafka.connect.storage.StringConverter");
    assertThat(CONFIG.get("transforms.outbox.table.expand.json.payload")).isEqualTo("false");
  }

  @Test
  void producesIdempotentlyWithAllAcknowledgements() {
    assertThat(CONFIG)
        .containsEntry("producer.override.acks", "all")
        .containsEntry("producer.override.enable.idempotence", "true");
    assertThat(
            Integer.parseInt(CONFIG.get("producer.override.max.in.flight.requests.per.connection")))
        .isBetween(1, 5);
    assertThat(CONFIG.get("topic.creation.default.partitions")).isEqualTo("6");
  }

  @Test
  void keepsSchemaHistoryInKafkaAndNoPasswordInTheFile() {
    assertThat(CONFIG.get("schema.history.internal.kafka.topic")).isNotBlank();
    assertThat(CONFIG.get("schema.history.internal.kafka.bootstrap.servers")).isNotBlank();
    assertThat(CONFIG.get("database.password")).startsWith("${file:").endsWith(":password}");
  }

  private static Map<String, String> config() {
    Map<String, String> config = new LinkedHashMap<>();
    CONNECTOR
        .path("config")
        .properties()
        .forEach(e -> config.put(e.getKey(), e.getValue().asString()));
    return config;
  }
}
