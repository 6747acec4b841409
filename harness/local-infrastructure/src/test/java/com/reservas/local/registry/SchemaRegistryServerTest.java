package com.reservas.local.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.schemas.EventCatalog;
import com.reservas.schemas.Topics;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.registry.HttpSchemaRegistry;
import com.reservas.schemas.registry.InMemorySchemaRegistry;
import com.reservas.schemas.registry.SubjectNaming;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The local run's registry endpoint, spoken to as Confluent's REST API. */
class SchemaRegistryServerTest {

  private static final String CREATED =
      SubjectNaming.topicRecordName(Topics.RESERVATIONS, ReservationCreated.getClassSchema());

  /** A record no service writes, as a downstream team might register for its own topic. */
  private static final String PARTNER_V1 =
      """
      {"type": "record", "name": "PartnerNote", "namespace": "com.partner",
       "fields": [{"name": "code", "type": "string"}]}""";

  private static final String PARTNER_V2 =
      """
      {"type": "record", "name": "PartnerNote", "namespace": "com.partner",
       "fields": [{"name": "code", "type": "string"},
                  {"name": "note", "type": ["null", "string"], "default": null}]}""";

  /** A new required field without a default: old messages cannot be read with it. */
  private static final String PARTNER_BREAKING =
      """
      {"type": "record", "name": "PartnerNote", "namespace": "com.partner",
       "fields": [{"name": "code", "type": "string"}, {"name": "urgent", "type": "boolean"}]}""";

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @TempDir Path dataDir;
  private SchemaRegistryServer server;

  @BeforeEach
  void start() {
    server = SchemaRegistryServer.start(0, SubjectRegistry.ofEventCatalog(journal()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyEventTypeIsASubjectUnderItsTopicWithTheIdTheServicesInMemoryRegistryGives()
      throws Exception {
    JsonNode subjects = get("/subjects").body;
    int eventTypes = 0;
    for (String topic : EventCatalog.topics()) {
      for (var type : EventCatalog.eventTypes(topic)) {
        Schema schema = org.apache.avro.specific.SpecificData.get().getSchema(type);
        String subject = SubjectNaming.topicRecordName(topic, schema);
        assertThat(subjects.valueStream().map(JsonNode::asString)).contains(subject);
        JsonNode latest = get("/subjects/" + subject + "/versions/latest").body;
        assertThat(latest.path("id").intValue())
            .isEqualTo(InMemorySchemaRegistry.deterministicId(schema));
        assertThat(new Schema.Parser().parse(latest.path("schema").stringValue()))
            .isEqualTo(schema);
        eventTypes++;
      }
    }
    assertThat(subjects.size()).isEqualTo(eventTypes);
  }

  @Test
  void theServicesHttpClientRegistersAndResolvesThroughIt() {
    HttpSchemaRegistry client =
        new HttpSchemaRegistry(HttpSchemaRegistry.Settings.of(URI.create(server.url())));

    int id = client.register(CREATED, ReservationCreated.getClassSchema());

    assertThat(id)
        .isEqualTo(InMemorySchemaRegistry.deterministicId(ReservationCreated.getClassSchema()));
    assertThat(client.schemaById(id)).isEqualTo(ReservationCreated.getClassSchema());
  }

  @Test
  void idsSubjectsAndVersionsAreTheSameAfterARestart() throws Exception {
    Answer v1 = post("/subjects/partner.notes-com.partner.PartnerNote/versions", PARTNER_V1);
    Answer v2 = post("/subjects/partner.notes-com.partner.PartnerNote/versions", PARTNER_V2);
    JsonNode subjectsBefore = get("/subjects").body;
    JsonNode createdBefore = get("/subjects/" + CREATED + "/versions/latest").body;

    server.close();
    server = SchemaRegistryServer.start(0, SubjectRegistry.ofEventCatalog(journal()));

    assertThat(get("/subjects").body).isEqualTo(subjectsBefore);
    assertThat(get("/subjects/" + CREATED + "/versions/latest").body).isEqualTo(createdBefore);
    assertThat(get("/subjects/partner.notes-com.partner.PartnerNote/versions").body.toString())
        .isEqualTo("[1,2]");
    assertThat(get("/schemas/ids/" + v1.body.path("id").intValue()).status).isEqualTo(200);
    assertThat(
            get("/subjects/partner.notes-com.partner.PartnerNote/versions/2")
                .body
                .path("id")
                .intValue())
        .isEqualTo(v2.body.path("id").intValue());
  }

  @Test
  void registeringTheSameSchemaAgainKeepsItsVersionAndLookupFindsIt() throws Exception {
    int id =
        post("/subjects/p-com.partner.PartnerNote/versions", PARTNER_V1).body.path("id").intValue();
    assertThat(
            post("/subjects/p-com.partner.PartnerNote/versions", PARTNER_V1)
                .body
                .path("id")
                .intValue())
        .isEqualTo(id);

    Answer lookup = post("/subjects/p-com.partner.PartnerNote", PARTNER_V1);

    assertThat(lookup.status).isEqualTo(200);
    assertThat(lookup.body.path("subject").asString()).isEqualTo("p-com.partner.PartnerNote");
    assertThat(lookup.body.path("version").intValue()).isEqualTo(1);
    assertThat(lookup.body.path("id").intValue()).isEqualTo(id);
    assertThat(get("/schemas/ids/" + id + "/versions").body.toString())
        .isEqualTo("[{\"subject\":\"p-com.partner.PartnerNote\",\"version\":1}]");
    assertThat(get("/schemas/ids/" + id + "/schema").body.path("name").asString())
        .isEqualTo("PartnerNote");
  }

  @Test
  void aSchemaThatBreaksBackwardTransitiveIsRefusedWithConfluentsConflictError() throws Exception {
    post("/subjects/p-com.partner.PartnerNote/versions", PARTNER_V1);

    Answer check =
        post(
            "/compatibility/subjects/p-com.partner.PartnerNote/versions/latest?verbose=true",
            PARTNER_BREAKING);
    Answer refused = post("/subjects/p-com.partner.PartnerNote/versions", PARTNER_BREAKING);

    assertThat(check.body.path("is_compatible").booleanValue()).isFalse();
    assertThat(check.body.path("messages").get(0).asString()).contains("urgent");
    assertThat(refused.status).isEqualTo(409);
    assertThat(refused.body.path("error_code").intValue()).isEqualTo(409);
    assertThat(refused.body.path("message").asString())
        .startsWith("Schema being registered is incompatible with an earlier schema");
    assertThat(get("/subjects/p-com.partner.PartnerNote/versions").body.toString())
        .isEqualTo("[1]");
    assertThat(
            post("/compatibility/subjects/p-com.partner.PartnerNote/versions", PARTNER_V2)
                .body
                .path("is_compatible")
                .booleanValue())
        .isTrue();
  }

  @Test
  void errorsAnswerWithConfluentsErrorCodesAndMessages() throws Exception {
    assertError(get("/subjects/nope/versions"), 404, 40401);
    assertError(get("/subjects/" + CREATED + "/versions/99"), 404, 40402);
    assertError(get("/subjects/" + CREATED + "/versions/zero"), 422, 42202);
    assertError(get("/schemas/ids/12345"), 404, 40403);
    assertError(post("/subjects/" + CREATED, PARTNER_V1), 404, 40403);
    assertError(post("/subjects/x/versions", "{\"type\": \"recrod\"}"), 422, 42201);
    assertError(get("/config/" + CREATED), 404, 40408);
    assertError(get("/nowhere"), 404, 404);
    assertError(send(HttpRequest.newBuilder(uri("/subjects/" + CREATED)).DELETE()), 405, 405);
  }

  @Test
  void theCompatibilityRuleIsThePlatformsOne() throws Exception {
    assertThat(get("/config").body.path("compatibilityLevel").asString())
        .isEqualTo("BACKWARD_TRANSITIVE");
    assertThat(
            get("/config/" + CREATED + "?defaultToGlobal=true")
                .body
                .path("compatibilityLevel")
                .asString())
        .isEqualTo("BACKWARD_TRANSITIVE");
    assertThat(get("/schemas/types").body.toString()).isEqualTo("[\"AVRO\"]");
  }

  private Path journal() {
    return dataDir.resolve("schema-registry").resolve("registrations.jsonl");
  }

  private void assertError(Answer answer, int status, int errorCode) {
    assertThat(answer.status).as(answer.body.toString()).isEqualTo(status);
    assertThat(answer.body.path("error_code").intValue()).isEqualTo(errorCode);
    assertThat(answer.body.path("message").asString()).isNotBlank();
  }

  private record Answer(int status, JsonNode body) {}

  private Answer get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private Answer post(String path, String schema) throws IOException, InterruptedException {
    String body = json.writeValueAsString(Map.of("schema", schema));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", SchemaRegistryServer.CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue(SchemaRegistryServer.CONTENT_TYPE);
    return new Answer(response.statusCode(), json.readTree(response.body()));
  }

  private URI uri(String path) {
    return URI.create(server.url() + path);
  }
}
