package com.reservas.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.schemas.EventCatalog;
import com.reservas.schemas.SchemaHistory;
import com.reservas.schemas.SchemaVersion;
import com.reservas.testsupport.NodeScripts;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docs/asyncapi.yaml} as a consumer team uses it: valid for the AsyncAPI parser (npm), and
 * true to the event catalogue — a channel per topic with exactly its event types, each payload a
 * reference to the latest released Avro schema (never a hand copy), its personal-data fields as the
 * schema flags them, the headers every event carries.
 */
class AsyncApiDocumentTest {

  static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");
  private static final String SCHEMAS_FROM_DOCS = "../schemas/src/main/resources/";

  private static Map<String, Object> document;
  private final SchemaHistory history = SchemaHistory.ofEventCatalog();

  @BeforeAll
  static void read() throws IOException {
    try (Reader in = Files.newBufferedReader(DOCUMENT)) {
      document = new Yaml().load(in);
    }
  }

  @Test
  void theAsyncApiParserValidatesTheDocumentAndItsAvroPayloadsWithoutErrorsOrWarnings() {
    NodeScripts.Result result =
        NodeScripts.in(Path.of("src", "test", "node"), "@asyncapi/parser")
            .run(
                Duration.ofMinutes(2),
                "validate-asyncapi.mjs",
                DOCUMENT.toAbsolutePath().normalize().toString());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains(
            "VALID: AsyncAPI 3.0.0, 3 channels, "
                + EventCatalog.eventSchemas().size()
                + " messages");
  }

  @Test
  void everyTopicIsAChannelCarryingExactlyItsEventTypes() {
    Map<String, Object> channels = map(document, "channels");
    List<String> addresses = new ArrayList<>();
    for (Object value : channels.values()) {
      Map<String, Object> channel = cast(value);
      String topic = (String) channel.get("address");
      addresses.add(topic);
      assertThat(map(channel, "messages").keySet())
          .as("messages of %s", topic)
          .containsExactlyElementsOf(
              EventCatalog.eventTypes(topic).stream().map(Class::getSimpleName).toList());
      assertThat(map(map(channel, "bindings"), "kafka").get("topic")).isEqualTo(topic);
    }
    assertThat(addresses).containsExactlyElementsOf(EventCatalog.topics());
  }

  @Test
  void everyPayloadReferencesTheLatestReleasedSchemaOfItsEventType() throws IOException {
    for (Schema current : EventCatalog.eventSchemas()) {
      SchemaVersion latest = history.latestOf(current.getFullName()).orElseThrow();
      Map<String, Object> payload = map(message(current), "payload");
      String expected =
          SCHEMAS_FROM_DOCS + SchemaHistory.resourcePath(current.getFullName(), latest.version());

      assertThat(payload.get("schemaFormat"))
          .isEqualTo("application/vnd.apache.avro;version=1.9.0");
      assertThat(map(payload, "schema"))
          .as(
              "%s's payload must reference its latest released schema (v%d)",
              current.getName(), latest.version())
          .containsExactly(Map.entry("$ref", expected));
      Schema referenced =
          new Schema.Parser().parse(DOCUMENT.resolveSibling(expected).normalize().toFile());
      assertThat(referenced).isEqualTo(latest.schema());
    }
  }

  @Test
  void everyMessageListsThePersonalDataFieldsItsSchemaFlags() {
    for (Schema current : EventCatalog.eventSchemas()) {
      List<String> flagged = new ArrayList<>();
      personalData(current, "", flagged);

      assertThat(message(current).get("x-personal-data"))
          .as("x-personal-data of %s", current.getName())
          .isEqualTo(flagged);
    }
  }

  @Test
  void theEventHeadersTheKeyAndTheVersionAreDocumented() {
    Map<String, Object> components = map(document, "components");
    Map<String, Object> headers = map(map(components, "schemas"), "eventHeaders");
    assertThat(map(headers, "properties")).containsKeys("eventId", "eventType", "traceparent");
    assertThat(headers.get("required")).isEqualTo(List.of("eventId", "eventType"));

    Map<String, Object> trait = map(map(components, "messageTraits"), "reservasEvent");
    Map<String, Object> kafka = map(map(trait, "bindings"), "kafka");
    assertThat(kafka)
        .containsEntry("schemaIdLocation", "payload")
        .containsEntry("schemaIdPayloadEncoding", "confluent")
        .containsEntry("schemaLookupStrategy", "TopicRecordNameStrategy");
    for (Schema current : EventCatalog.eventSchemas()) {
      assertThat(message(current).get("traits"))
          .isEqualTo(List.of(Map.of("$ref", "#/components/messageTraits/reservasEvent")));
    }
    assertThat(map(document, "info").get("version"))
        .isEqualTo(System.getProperty("reservas.version"));
  }

  private static Map<String, Object> message(Schema event) {
    return map(map(map(document, "components"), "messages"), event.getName());
  }

  /** Paths of the fields flagged {@code "pii": true}, as they appear in the decoded value. */
  private static void personalData(Schema schema, String prefix, List<String> paths) {
    switch (schema.getType()) {
      case RECORD -> {
        for (Schema.Field field : schema.getFields()) {
          String path = prefix + field.name();
          if (Boolean.TRUE.equals(field.getObjectProp("pii"))) {
            paths.add(path);
          }
          personalData(field.schema(), path + ".", paths);
        }
      }
      case UNION -> schema.getTypes().forEach(branch -> personalData(branch, prefix, paths));
      case ARRAY ->
          personalData(
              schema.getElementType(), prefix.substring(0, prefix.length() - 1) + "[].", paths);
      default -> {
        // no nested fields
      }
    }
  }

  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertThat(value).as("%s in %s", key, DOCUMENT).isInstanceOf(Map.class);
    return cast(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object value) {
    return (Map<String, Object>) value;
  }
}
