package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every invalid request gets a 4xx problem listing every field error, and writes nothing. */
class ReservationValidationTest extends ApiTest {

  private long rowsBefore;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    useDatabaseOf(ReservationValidationTest.class, registry);
  }

  @BeforeEach
  void remember() {
    rowsBefore = reservationRows();
  }

  @AfterEach
  void nothingWasWritten() {
    assertThat(reservationRows()).isEqualTo(rowsBefore);
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\"customer\": {", List.of("$")),
        Arguments.of("not an object", "[1, 2]", List.of("$")),
        Arguments.of(
            "empty object",
            "{}",
            List.of(
                "customer.firstName",
                "customer.lastName",
                "customer.email",
                "customer.phone",
                "vehicle.categoryCode",
                "vehicle.supplierCode",
                "pickup.officeCode",
                "pickup.at",
                "dropoff.officeCode",
                "dropoff.at",
                "payment.paymentMethodToken")),
        Arguments.of(
            "wrong types",
            VALID_BODY
                .replace("\"Ana\"", "42")
                .replace("\"pm_card_visa\"", "true")
                .replace("{\"categoryCode\": \"CDAR\", \"supplierCode\": \"IBERCAR\"}", "\"CDAR\""),
            List.of("customer.firstName", "payment.paymentMethodToken", "vehicle")),
        Arguments.of(
            "drop-off before pickup",
            VALID_BODY.replace("2027-03-14T18:00:00", "2027-03-09T18:00:00"),
            List.of("dropoff.at")),
        Arguments.of(
            "pickup in the past",
            VALID_BODY.replace("2027-03-10T09:30:00", "2020-03-10T09:30:00"),
            List.of("pickup.at")),
        Arguments.of(
            "not a local date-time",
            VALID_BODY.replace("2027-03-10T09:30:00", "10/03/2027"),
            List.of("pickup.at")),
        Arguments.of(
            "unknown office, category and supplier",
            VALID_BODY
                .replace("MAD-AIRPORT", "XXX-NOWHERE")
                .replace("CDAR", "ZZZZ")
                .replace("IBERCAR", "NOBODY"),
            List.of("pickup.officeCode", "vehicle.categoryCode", "vehicle.supplierCode")),
        Arguments.of(
            "supplier not serving office and category",
            VALID_BODY
                .replace("IBERCAR", "NORTEAUTO")
                .replace("BCN-AIRPORT", "BIO-AIRPORT")
                .replace("CDAR", "MBMR"),
            List.of("vehicle.supplierCode")),
        Arguments.of(
            "supplier not taking cars back there",
            VALID_BODY.replace("IBERCAR", "NORTEAUTO"),
            List.of("dropoff.officeCode")),
        Arguments.of(
            "invalid e-mail and phone",
            VALID_BODY.replace("ana@example.com", "ana at example").replace("+34600111222", "12"),
            List.of("customer.email", "customer.phone")),
        Arguments.of(
            "markup in a name",
            VALID_BODY.replace("\"Ana\"", "\"<script>alert(1)</script>\""),
            List.of("customer.firstName")),
        Arguments.of(
            "a card number instead of a token",
            VALID_BODY.replace("pm_card_visa", "4242 4242 4242 4242"),
            List.of("payment.paymentMethodToken")),
        Arguments.of(
            "an unknown field such as a CVV",
            VALID_BODY.replace(
                "\"paymentMethodToken\": \"pm_card_visa\"",
                "\"paymentMethodToken\": \"pm_card_visa\", \"cvv\": \"123\""),
            List.of("payment.cvv")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidBodies")
  void invalidInputIs422WithEveryFieldError(String what, String body, List<String> fields) {
    Map<?, ?> problem =
        post(body)
            .expectStatus()
            .isEqualTo(422)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    assertThat(problem.get("status")).isEqualTo(422);
    assertThat(problem.get("title")).isEqualTo("Invalid input");
    List<?> errors = (List<?>) problem.get("errors");
    List<String> reported =
        errors.stream().map(e -> String.valueOf(((Map<?, ?>) e).get("field"))).toList();
    assertThat(reported).containsExactlyInAnyOrderElementsOf(fields);
    assertThat(errors)
        .allSatisfy(e -> assertThat(((Map<?, ?>) e).get("message")).asString().isNotBlank());
  }

  @Test
  void aCardNumberIsNeverEchoedBack() {
    String body =
        post(VALID_BODY.replace("\"García Núñez\"", "\"4000 0566 5566 5556\""))
            .expectStatus()
            .isEqualTo(422)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(body).doesNotContain("4000").doesNotContain("5556");
  }

  @Test
  void aRentalLongerThanTheMaximumBreaksABusinessRule() {
    post(VALID_BODY.replace("2027-03-14T18:00:00", "2027-08-14T18:00:00"))
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .value(String.class, t -> assertThat(t).endsWith("/rental-too-long"));
  }

  @Test
  void aPickupOutsideOpeningHoursBreaksABusinessRule() {
    post(VALID_BODY.replace("\"MAD-AIRPORT\"", "\"MAD-ATOCHA\"").replace("09:30:00", "05:30:00"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.type")
        .value(String.class, t -> assertThat(t).endsWith("/office-closed"));
  }

  @Test
  void anythingButJsonIsUnsupported() {
    http.post()
        .uri("/api/v1/reservations")
        .header("X-Api-Key", CLIENT_A_KEY)
        .contentType(MediaType.TEXT_PLAIN)
        .bodyValue("hello")
        .exchange()
        .expectStatus()
        .isEqualTo(415)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void anOversizedBodyIsRefused() {
    String huge = VALID_BODY.replace("\"Ana\"", "\"" + "A".repeat(100_000) + "\"");

    post(huge)
        .expectStatus()
        .isEqualTo(413)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aMalformedIdempotencyKeyIsInvalidInput() {
    http.post()
        .uri("/api/v1/reservations")
        .header("X-Api-Key", CLIENT_A_KEY)
        .header("Idempotency-Key", "x".repeat(200))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(VALID_BODY)
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("Idempotency-Key");
  }

  @Test
  void anInvalidCancellationReasonIsInvalidInput() {
    http.post()
        .uri("/api/v1/reservations/ABCDEFGH/cancellation")
        .header("X-Api-Key", CLIENT_A_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"reason\": \"<b>bold</b>\"}")
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("reason");
  }

  @Test
  void anUnknownPathIsAProblemToo() {
    http.get()
        .uri("/api/v1/nothing-here")
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
