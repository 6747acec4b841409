package com.reservas.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's OpenAPI document as served ({@code /v3/api-docs}) is the one in {@code
 * docs/openapi.json}, from which client teams (and {@link GeneratedClientTest}) generate clients.
 * When they differ, this test writes the served document to {@code docs/openapi.json} and fails:
 * review the change and commit it.
 */
class OpenApiDocumentTest {

  static final Path EXPORTED = Path.of("..", "docs", "openapi.json");

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private static RunningApi api;
  private static JsonNode served;

  @BeforeAll
  static void serve() throws IOException, InterruptedException {
    api = new RunningApi();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(api.baseUrl + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    served = JSON.readTree(response.body());
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void docsOpenApiJsonIsTheServedDocument() throws IOException {
    String document = JSON.writeValueAsString(served) + "\n";
    String exported =
        Files.exists(EXPORTED) ? Files.readString(EXPORTED, StandardCharsets.UTF_8) : "";
    if (!exported.equals(document)) {
      Files.writeString(EXPORTED, document, StandardCharsets.UTF_8);
    }
    assertThat(exported)
        .as(
            "docs/openapi.json differed from the served document and has been re-exported;"
                + " review 'git diff docs/openapi.json' and commit it")
        .isEqualTo(document);
  }

  @Test
  void itIsAnOpenApi31DocumentOfThisVersionWithTheApiKeyScheme() {
    assertThat(served.path("openapi").asString()).startsWith("3.1");
    assertThat(served.path("info").path("title").asString()).isEqualTo("Reservas reservation API");
    assertThat(served.path("info").path("version").asString())
        .isEqualTo(System.getProperty("reservas.version"));
    JsonNode scheme = served.path("components").path("securitySchemes").path("ApiKey");
    assertThat(scheme.path("type").asString()).isEqualTo("apiKey");
    assertThat(scheme.path("in").asString()).isEqualTo("header");
    assertThat(scheme.path("name").asString()).isEqualTo("X-Api-Key");
    assertThat(served.path("security").toString()).isEqualTo("[{\"ApiKey\":[]}]");
    assertThat(served.path("paths").propertyNames()).allMatch(path -> path.startsWith("/api/v1/"));
  }

  @Test
  void everyOperationAnswersItsErrorsAsProblemJson() {
    Map<String, List<String>> expected = new java.util.HashMap<>();
    expected.putAll(
        Map.of(
            "createReservation",
                List.of("201", "400", "401", "409", "413", "415", "422", "429", "500", "503"),
            "getReservation", List.of("200", "401", "404", "429", "500", "503"),
            "cancelReservation",
                List.of("202", "401", "404", "409", "413", "422", "429", "500", "503"),
            "listOffices", List.of("200", "401", "429", "500", "503"),
            "listSuppliers", List.of("200", "401", "429", "500", "503"),
            "listVehicleCategories", List.of("200", "401", "429", "500", "503")));
    expected.putAll(
        Map.of(
            "registerWebhookEndpoint",
                List.of("201", "401", "409", "413", "415", "422", "429", "500", "503"),
            "listWebhookEndpoints", List.of("200", "401", "429", "500", "503"),
            "deleteWebhookEndpoint", List.of("204", "401", "404", "429", "500", "503"),
            "listWebhookDeliveries", List.of("200", "401", "404", "429", "500", "503"),
            "redeliverWebhookEvent", List.of("202", "401", "404", "429", "500", "503")));
    List<String> seen = new ArrayList<>();
    for (JsonNode path : served.path("paths")) {
      for (JsonNode operation : path) {
        String id = operation.path("operationId").asString();
        seen.add(id);
        assertThat(operation.path("responses").propertyNames())
            .as("statuses of %s", id)
            .containsExactlyInAnyOrderElementsOf(expected.get(id));
        for (String status : operation.path("responses").propertyNames()) {
          if (status.equals("204")) {
            continue; // no content
          }
          JsonNode answer = resolve(operation.path("responses").path(status));
          String mediaType =
              status.startsWith("2") ? "application/json" : "application/problem+json";
          assertThat(answer.path("content").has(mediaType))
              .as("%s %s answers %s", id, status, mediaType)
              .isTrue();
        }
      }
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected.keySet());
  }

  @Test
  void theReservationRequestIsTypedWithEveryConstraint() {
    JsonNode schemas = served.path("components").path("schemas");
    JsonNode request = schemas.path("ReservationRequest");
    assertThat(request.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(request.path("required").toString())
        .isEqualTo("[\"customer\",\"dropoff\",\"payment\",\"pickup\",\"vehicle\"]");
    JsonNode customer = schemas.path("Customer").path("properties");
    assertThat(customer.path("firstName").path("maxLength").asInt()).isEqualTo(60);
    assertThat(customer.path("email").path("format").asString()).isEqualTo("email");
    assertThat(customer.path("phone").path("pattern").asString())
        .isEqualTo("^\\+[1-9][0-9]{7,14}$");
    assertThat(
            schemas
                .path("Payment")
                .path("properties")
                .path("paymentMethodToken")
                .path("pattern")
                .asString())
        .startsWith("^pm_");
    assertThat(
            schemas.path("Reservation").path("properties").path("status").path("enum").toString())
        .isEqualTo(
            "[\"CREATED\",\"PAYMENT_IN_PROGRESS\",\"PAID\",\"SUPPLIER_CONFIRMED\",\"CANCELLED\"]");
    assertThat(
            schemas
                .path("Problem")
                .path("properties")
                .path("errors")
                .path("items")
                .path("$ref")
                .asString())
        .isEqualTo("#/components/schemas/FieldError");
    JsonNode create = served.path("paths").path("/api/v1/reservations").path("post");
    assertThat(create.path("parameters").findValuesAsString("name"))
        .contains("Idempotency-Key", "traceparent");
    assertThat(create.path("responses").path("201").path("headers").has("Location")).isTrue();
  }

  private static JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asString("");
    if (ref.isEmpty()) {
      return node;
    }
    JsonNode target = served;
    for (String step : ref.substring(2).split("/")) {
      target = target.path(step);
    }
    return target;
  }
}
