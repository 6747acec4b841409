package com.reservas.supplier.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.supplier.simulator.BookingJson;
import com.reservas.supplier.simulator.SupplierApiClient;
import com.reservas.supplier.simulator.SupplierSimulator;
import com.reservas.supplier.simulator.booking.BookingStatus;
import com.reservas.supplier.simulator.booking.RejectionReason;
import com.reservas.supplier.simulator.fault.FailureMode;
import com.reservas.supplier.simulator.fault.FailurePoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Holds the simulator to the published contract ({@code openapi/supplier-api.yaml}): every
 * documented operation is served, and the bodies it sends have exactly the documented fields and
 * values.
 */
class SupplierApiContractTest {

  private static final SupplierSimulator simulator = new SupplierSimulator();
  private static SupplierApiClient supplier;
  private static JsonNode contract;

  @BeforeAll
  static void startSimulatorAndReadContract() throws IOException {
    simulator.start(0);
    supplier = new SupplierApiClient(simulator.baseUrl());
    try (InputStream yaml =
        SupplierApiContractTest.class.getResourceAsStream("/openapi/supplier-api.yaml")) {
      assertThat(yaml).as("the contract is on the classpath").isNotNull();
      contract = YAMLMapper.builder().build().readTree(yaml);
    }
  }

  @AfterAll
  static void stopSimulator() {
    simulator.stop();
  }

  @BeforeEach
  void freshSupplier() {
    simulator.reset();
  }

  @Test
  void theContractIsOpenApi3() {
    assertThat(contract.get("openapi").stringValue()).startsWith("3.");
  }

  @Test
  void everyDocumentedOperationIsServed() throws IOException {
    String reference =
        bookingReference(supplier.book(BookingJson.forReservation("K7P2QX9A").json()));
    List<String> unserved = new ArrayList<>();

    for (Map.Entry<String, JsonNode> path : contract.get("paths").properties()) {
      String concretePath = path.getKey().replace("{bookingReference}", reference);
      for (String method : path.getValue().propertyNames()) {
        HttpResponse<String> response = call(method, concretePath);
        if (response.statusCode() == 404 && response.body().contains("\"NOT_FOUND\"")) {
          unserved.add(method + " " + path.getKey());
        }
      }
    }

    assertThat(unserved).isEmpty();
  }

  @Test
  void theContractsOwnExampleRequestBooksACar() throws IOException {
    JsonNode example =
        contract.at("/paths/~1v1~1bookings/post/requestBody/content/application~1json/example");

    HttpResponse<String> response =
        supplier.book(SupplierApiClient.JSON.writeValueAsString(example));

    assertThat(response.statusCode()).isEqualTo(201);
    assertMatchesSchema(SupplierApiClient.json(response), "Booking");
  }

  @Test
  void confirmedAndCancelledBookingsHaveTheDocumentedShape() throws IOException {
    String reference =
        bookingReference(supplier.book(BookingJson.forReservation("K7P2QX9A").json()));

    assertMatchesSchema(SupplierApiClient.json(supplier.getBooking(reference)), "Booking");
    assertMatchesSchema(
        SupplierApiClient.json(supplier.cancel(reference, "K7P2QX9A-cancel")), "Booking");
    assertThat(enumOf("Booking", "status"))
        .containsExactlyInAnyOrderElementsOf(names(BookingStatus.values()));
  }

  @Test
  void rejectionsHaveTheDocumentedShapeAndReasons() throws IOException {
    HttpResponse<String> rejected =
        supplier.book(BookingJson.forReservation("K7P2QX9A").category("ZZZZ").json());

    assertThat(rejected.statusCode()).isEqualTo(422);
    assertMatchesSchema(SupplierApiClient.json(rejected), "BookingRejection");
    assertThat(enumOf("BookingRejection", "reason"))
        .containsExactlyInAnyOrderElementsOf(names(RejectionReason.values()));
  }

  @Test
  void errorsHaveTheDocumentedShapeAndReasons() throws IOException {
    assertMatchesSchema(SupplierApiClient.json(supplier.getBooking("SBNOTHERE")), "Error");
    assertMatchesSchema(SupplierApiClient.json(supplier.book("{}")), "Error");
    assertThat(enumOf("Error", "reason"))
        .containsExactlyInAnyOrderElementsOf(names(ErrorReason.values()));
  }

  @Test
  void adminBodiesHaveTheDocumentedShape() throws IOException {
    assertMatchesSchema(SupplierApiClient.json(supplier.get("/admin/stats")), "Stats");
    assertMatchesSchema(
        SupplierApiClient.json(
            supplier.putFaults("{\"failureRate\": 0.5, \"failureMode\": \"HTTP_503\"}")),
        "FaultSettings");
    Set<String> documentedModes = enumOf("FaultSettings", "failureMode");
    documentedModes.remove("null");
    assertThat(documentedModes).containsExactlyInAnyOrderElementsOf(names(FailureMode.values()));
    assertThat(enumOf("FaultSettings", "failurePoint"))
        .containsExactlyInAnyOrderElementsOf(names(FailurePoint.values()));
  }

  private static HttpResponse<String> call(String method, String path) throws IOException {
    return switch (method) {
      case "get" -> supplier.get(path);
      case "delete" -> supplier.delete(path);
      case "put" -> supplier.putFaults("{}");
      case "post" -> supplier.post(path);
      default ->
          throw new AssertionError("The contract uses a method the test cannot call: " + method);
    };
  }

  private static void assertMatchesSchema(JsonNode body, String schemaName) {
    JsonNode schema = contract.at("/components/schemas/" + schemaName);
    Set<String> documented = new LinkedHashSet<>(schema.get("properties").propertyNames());
    Set<String> required = new LinkedHashSet<>();
    if (schema.has("required")) {
      schema.get("required").forEach(field -> required.add(field.stringValue()));
    }

    assertThat(new LinkedHashSet<>(body.propertyNames()))
        .as("fields of %s in %s", schemaName, body)
        .containsAll(required)
        .isSubsetOf(documented);
    for (String field : body.propertyNames()) {
      JsonNode allowed = schema.get("properties").get(field).get("enum");
      if (allowed != null && !body.get(field).isNull()) {
        assertThat(texts(allowed))
            .as("%s.%s", schemaName, field)
            .contains(body.get(field).asString());
      }
    }
  }

  private static Set<String> enumOf(String schemaName, String property) {
    return texts(
        contract.at("/components/schemas/" + schemaName + "/properties/" + property + "/enum"));
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> values = new LinkedHashSet<>();
    array.forEach(value -> values.add(value.isNull() ? "null" : value.asString()));
    return values;
  }

  private static List<String> names(Enum<?>[] constants) {
    return Arrays.stream(constants).map(Enum::name).collect(Collectors.toList());
  }

  private static String bookingReference(HttpResponse<String> confirmed) {
    return SupplierApiClient.json(confirmed).get("bookingReference").stringValue();
  }
}
