package com.reservas.schemas.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.reservas.schemas.SampleEvents;
import com.reservas.schemas.Topics;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.serde.AvroEventDeserializer;
import com.reservas.schemas.serde.AvroEventSerializer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP client against a WireMock stub answering like Confluent Schema Registry. */
class HttpSchemaRegistryTest {

  private static final String REGISTRY_JSON = "application/vnd.schemaregistry.v1+json";
  private static final Schema SCHEMA = ReservationCreated.getClassSchema();
  private static final String SUBJECT = SubjectNaming.topicRecordName(Topics.RESERVATIONS, SCHEMA);
  private static final String REGISTER_PATH = "/subjects/" + SUBJECT + "/versions";

  @RegisterExtension
  static WireMockExtension registryServer =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final HttpSchemaRegistry registry = new HttpSchemaRegistry(settings());

  @Test
  void registersUnderTheSubjectWithTheSchemaAsAvroJson() {
    registryServer.stubFor(
        post(urlEqualTo(REGISTER_PATH))
            .withHeader("Content-Type", equalTo(REGISTRY_JSON))
            .withRequestBody(matchingJsonPath("$.schemaType", equalTo("AVRO")))
            .willReturn(registryAnswer(200, "{\"id\":42}")));

    assertThat(registry.register(SUBJECT, SCHEMA)).isEqualTo(42);

    String sentSchema =
        JsonMapper.builder()
            .build()
            .readTree(registryServer.getAllServeEvents().get(0).getRequest().getBodyAsString())
            .path("schema")
            .stringValue();
    assertThat(new Schema.Parser().parse(sentSchema)).isEqualTo(SCHEMA);
  }

  @Test
  void registersEachSubjectAndSchemaOnlyOnceAndKnowsItsIdAfterwards() {
    registryServer.stubFor(
        post(urlEqualTo(REGISTER_PATH)).willReturn(registryAnswer(200, "{\"id\":42}")));

    registry.register(SUBJECT, SCHEMA);
    registry.register(SUBJECT, SCHEMA);

    assertThat(registry.schemaById(42)).isEqualTo(SCHEMA);
    registryServer.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)));
    registryServer.verify(0, getRequestedFor(urlEqualTo("/schemas/ids/42")));
  }

  @Test
  void fetchesASchemaByIdOnlyOnce() {
    registryServer.stubFor(get(urlEqualTo("/schemas/ids/7")).willReturn(schemaAnswer(SCHEMA)));

    assertThat(registry.schemaById(7)).isEqualTo(SCHEMA);
    assertThat(registry.schemaById(7)).isEqualTo(SCHEMA);

    registryServer.verify(1, getRequestedFor(urlEqualTo("/schemas/ids/7")));
  }

  @Test
  void anUnknownIdIsReportedWithTheRegistrysErrorCodeAndMessage() {
    registryServer.stubFor(
        get(urlEqualTo("/schemas/ids/99"))
            .willReturn(
                registryAnswer(404, "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}")));

    assertThatThrownBy(() -> registry.schemaById(99))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).hasValue(40403))
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining("fetching the schema with id 99")
        .hasMessageContaining("error 40403: Schema 99 not found");
  }

  @Test
  void anUnknownSubjectIsReportedWithTheRegistrysErrorCodeAndMessage() {
    registryServer.stubFor(
        post(urlEqualTo(REGISTER_PATH))
            .willReturn(
                registryAnswer(
                    404,
                    "{\"error_code\":40401,\"message\":\"Subject '"
                        + SUBJECT
                        + "' not found.\"}")));

    assertThatThrownBy(() -> registry.register(SUBJECT, SCHEMA))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).hasValue(40401))
        .hasMessageContaining("error 40401: Subject '" + SUBJECT + "' not found.");
  }

  @Test
  void anIncompatibleSchemaIsRefusedWithTheRegistrysExplanation() {
    String incompatible =
        "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an earlier"
            + " schema for subject \\\""
            + SUBJECT
            + "\\\", details: [READER_FIELD_MISSING_DEFAULT_VALUE]\"}";
    registryServer.stubFor(
        post(urlEqualTo(REGISTER_PATH)).willReturn(registryAnswer(409, incompatible)));

    assertThatThrownBy(() -> registry.register(SUBJECT, SCHEMA))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).hasValue(409))
        .hasMessageContaining("HTTP 409")
        .hasMessageContaining("Schema being registered is incompatible with an earlier schema");
  }

  @Test
  void aServerErrorIsReportedAndNotCached() {
    registryServer.stubFor(
        post(urlEqualTo(REGISTER_PATH))
            .inScenario("registry recovers")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                registryAnswer(
                    500, "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}"))
            .willSetStateTo("recovered"));
    registryServer.stubFor(
        post(urlEqualTo(REGISTER_PATH))
            .inScenario("registry recovers")
            .whenScenarioStateIs("recovered")
            .willReturn(registryAnswer(200, "{\"id\":5}")));

    assertThatThrownBy(() -> registry.register(SUBJECT, SCHEMA))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).hasValue(50001))
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("Error in the backend data store");
    assertThat(registry.register(SUBJECT, SCHEMA)).isEqualTo(5);
  }

  @Test
  void aGatewayErrorWithoutJsonBodyIsReportedWithTheBody() {
    registryServer.stubFor(
        get(urlEqualTo("/schemas/ids/3"))
            .willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));

    assertThatThrownBy(() -> registry.schemaById(3))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEmpty())
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("<html>Service Unavailable</html>");
  }

  @Test
  void aSlowRegistryFailsAfterTheRequestTimeout() {
    registryServer.stubFor(
        get(urlEqualTo("/schemas/ids/8")).willReturn(schemaAnswer(SCHEMA).withFixedDelay(2_000)));
    var impatient =
        new HttpSchemaRegistry(
            settings().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200)));

    assertThatThrownBy(() -> impatient.schemaById(8))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("did not answer in time (request timeout PT0.2S)");
  }

  @Test
  void anUnreachableRegistryIsReported() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var unreachable =
        new HttpSchemaRegistry(
            HttpSchemaRegistry.Settings.of(URI.create("http://localhost:" + closedPort)));

    assertThatThrownBy(() -> unreachable.schemaById(1))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("Cannot reach the schema registry at http://localhost:" + closedPort);
  }

  @Test
  void sendsBasicAuthenticationWhenConfigured() {
    registryServer.stubFor(
        get(urlEqualTo("/schemas/ids/7"))
            .withBasicAuth("reservas", "s3cret")
            .willReturn(schemaAnswer(SCHEMA)));
    var authenticated = new HttpSchemaRegistry(settings().withBasicAuth("reservas", "s3cret"));

    assertThat(authenticated.schemaById(7)).isEqualTo(SCHEMA);
    assertThat(settings().withBasicAuth("reservas", "s3cret").toString()).doesNotContain("s3cret");
  }

  @Test
  void worksUnderABasePathSuchAsApicuriosCompatibilityApi() {
    registryServer.stubFor(
        get(urlEqualTo("/apis/ccompat/v7/schemas/ids/7")).willReturn(schemaAnswer(SCHEMA)));
    var apicurio =
        new HttpSchemaRegistry(
            HttpSchemaRegistry.Settings.of(
                URI.create(registryServer.baseUrl() + "/apis/ccompat/v7/")));

    assertThat(apicurio.schemaById(7)).isEqualTo(SCHEMA);
  }

  @Test
  void theKafkaSerdeConfiguredWithTheRegistryUrlFramesTheRegistrysId() {
    registryServer.stubFor(
        post(urlEqualTo(REGISTER_PATH)).willReturn(registryAnswer(200, "{\"id\":42}")));
    registryServer.stubFor(get(urlEqualTo("/schemas/ids/42")).willReturn(schemaAnswer(SCHEMA)));
    Map<String, String> props = Map.of(SchemaRegistries.URL_CONFIG, registryServer.baseUrl());
    var serializer = new AvroEventSerializer();
    serializer.configure(props, false);
    var deserializer = new AvroEventDeserializer();
    deserializer.configure(props, false);
    ReservationCreated event = SampleEvents.reservationCreated();

    byte[] bytes = serializer.serialize(Topics.RESERVATIONS, event);

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(42);
    assertThat(deserializer.deserialize(Topics.RESERVATIONS, bytes)).isEqualTo(event);
  }

  private static HttpSchemaRegistry.Settings settings() {
    return HttpSchemaRegistry.Settings.of(URI.create(registryServer.baseUrl()));
  }

  private static ResponseDefinitionBuilder registryAnswer(int status, String json) {
    return aResponse().withStatus(status).withHeader("Content-Type", REGISTRY_JSON).withBody(json);
  }

  private static ResponseDefinitionBuilder schemaAnswer(Schema schema) {
    String body =
        JsonMapper.builder().build().writeValueAsString(Map.of("schema", schema.toString()));
    return registryAnswer(200, body);
  }
}
