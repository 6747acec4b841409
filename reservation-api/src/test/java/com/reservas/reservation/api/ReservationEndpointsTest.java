package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ReservationEndpointsTest extends ApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    useDatabaseOf(ReservationEndpointsTest.class, registry);
  }

  @Test
  void creatingAReservationAnswers201WithTheLocationAndTheReservation() {
    post(VALID_BODY)
        .expectStatus()
        .isCreated()
        .expectHeader()
        .valueMatches("Location", "/api/v1/reservations/[A-Z0-9]{8}")
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.code")
        .value(String.class, code -> assertThat(code).matches("[A-Z0-9]{8}"))
        .jsonPath("$.status")
        .isEqualTo("CREATED")
        .jsonPath("$.paymentStatus")
        .isEqualTo("PENDING")
        .jsonPath("$.supplierStatus")
        .isEqualTo("PENDING")
        .jsonPath("$.customer.lastName")
        .isEqualTo("García Núñez")
        .jsonPath("$.vehicle.categoryCode")
        .isEqualTo("CDAR")
        .jsonPath("$.pickup.officeCode")
        .isEqualTo("MAD-AIRPORT")
        .jsonPath("$.pickup.at")
        .isEqualTo("2027-03-10T09:30:00")
        .jsonPath("$.dropoff.at")
        .isEqualTo("2027-03-14T18:00:00")
        .jsonPath("$.price.amount")
        .isEqualTo("412.00")
        .jsonPath("$.price.currency")
        .isEqualTo("EUR")
        .jsonPath("$.createdAt")
        .value(
            String.class,
            at -> assertThat(at).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"))
        .jsonPath("$.history.length()")
        .isEqualTo(1)
        .jsonPath("$.history[0].status")
        .isEqualTo("CREATED")
        .jsonPath("$.payment")
        .doesNotExist()
        .jsonPath("$.paymentMethodToken")
        .doesNotExist();
  }

  @Test
  void aCreatedReservationReadsBackAsItWasAnswered() {
    Map<?, ?> created =
        post(VALID_BODY)
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    Map<?, ?> read =
        http.get()
            .uri("/api/v1/reservations/{code}", created.get("code"))
            .header("X-Api-Key", CLIENT_A_KEY)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    assertThat(read).isEqualTo(created);
  }

  @Test
  void codesAreExactSoALowerCaseCodeIsNotFound() {
    String code = create();

    http.get()
        .uri("/api/v1/reservations/{code}", code.toLowerCase(java.util.Locale.ROOT))
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(404);
  }

  @Test
  void anUnknownCodeIsNotFound() {
    http.get()
        .uri("/api/v1/reservations/ZZZZZZZZ")
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void anotherClientsReservationDoesNotExistForYou() {
    String code = create();

    http.get()
        .uri("/api/v1/reservations/{code}", code)
        .header("X-Api-Key", CLIENT_B_KEY)
        .exchange()
        .expectStatus()
        .isNotFound();
    http.post()
        .uri("/api/v1/reservations/{code}/cancellation", code)
        .header("X-Api-Key", CLIENT_B_KEY)
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void cancellingIsAcceptedOnceThenConflicts() {
    String code = create();

    http.post()
        .uri("/api/v1/reservations/{code}/cancellation", code)
        .header("X-Api-Key", CLIENT_A_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"reason\": \"Plans changed\"}")
        .exchange()
        .expectStatus()
        .isAccepted()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("CANCELLED")
        .jsonPath("$.cancellationReason")
        .isEqualTo("Plans changed")
        .jsonPath("$.history[1].status")
        .isEqualTo("CANCELLED")
        .jsonPath("$.history[1].reason")
        .isEqualTo("Plans changed");

    http.post()
        .uri("/api/v1/reservations/{code}/cancellation", code)
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("the reservation is already cancelled");
  }

  @Test
  void cancellingWithoutABodyUsesTheDefaultReason() {
    String code = create();

    http.post()
        .uri("/api/v1/reservations/{code}/cancellation", code)
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isAccepted()
        .expectBody()
        .jsonPath("$.cancellationReason")
        .isEqualTo("cancelled by customer");
  }

  @Test
  void cancellingAnUnknownReservationIsNotFound() {
    http.post()
        .uri("/api/v1/reservations/ZZZZZZZZ/cancellation")
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void theSameIdempotencyKeyAndBodyReturnTheSameReservation() {
    Map<?, ?> first =
        http.post()
            .uri("/api/v1/reservations")
            .header("X-Api-Key", CLIENT_A_KEY)
            .header("Idempotency-Key", "order-4711")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(VALID_BODY)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    long rows = count("reservation");

    http.post()
        .uri("/api/v1/reservations")
        .header("X-Api-Key", CLIENT_A_KEY)
        .header("Idempotency-Key", "order-4711")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(VALID_BODY)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectHeader()
        .valueEquals("Location", "/api/v1/reservations/" + first.get("code"))
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo(first.get("code"));

    http.post()
        .uri("/api/v1/reservations")
        .header("X-Api-Key", CLIENT_A_KEY)
        .header("Idempotency-Key", "order-4711")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(VALID_BODY.replace("CDAR", "ECMN"))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(count("reservation")).isEqualTo(rows);
  }

  @Test
  void theCatalogueListsTheSeededOfficesSuppliersAndCategories() {
    List<Map<String, Object>> offices = list("/api/v1/offices");
    List<Map<String, Object>> suppliers = list("/api/v1/suppliers");
    List<Map<String, Object>> categories = list("/api/v1/vehicle-categories");

    assertThat(offices)
        .hasSizeGreaterThanOrEqualTo(8)
        .extracting(o -> o.get("code"))
        .contains("MAD-AIRPORT", "BCN-AIRPORT", "AGP-AIRPORT");
    assertThat(offices)
        .allSatisfy(o -> assertThat(o).containsKeys("city", "timeZone", "openingHours"));
    assertThat(suppliers)
        .hasSizeGreaterThanOrEqualTo(3)
        .extracting(s -> s.get("code"))
        .contains("IBERCAR");
    assertThat(categories)
        .hasSizeGreaterThanOrEqualTo(6)
        .extracting(c -> c.get("code"))
        .contains("ECMN", "CDAR", "SFAR");
    assertThat(categories)
        .filteredOn(c -> c.get("code").equals("CDAR"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.get("dailyRate")).isEqualTo("82.40");
              assertThat(c.get("currency")).isEqualTo("EUR");
            });
  }

  @Test
  void everyEndpointNeedsAValidApiKey() {
    http.get()
        .uri("/api/v1/offices")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .exists("WWW-Authenticate");
    http.get()
        .uri("/api/v1/offices")
        .header("X-Api-Key", "wrong-key")
        .exchange()
        .expectStatus()
        .isUnauthorized();
    http.post()
        .uri("/api/v1/reservations")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(VALID_BODY)
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void readinessIsUpWhenTheDatabaseAnswers() {
    management
        .get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }

  @Test
  void prometheusIsOnTheManagementPortForTheMetricsCredentialAlone() {
    management.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
    management
        .get()
        .uri("/actuator/prometheus")
        .header("X-Admin-Token", "test-admin-token")
        .exchange()
        .expectStatus()
        .isForbidden();
    management
        .get()
        .uri("/actuator/prometheus")
        .header("Authorization", "Bearer test-metrics-token")
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(managementPort).isNotEqualTo(port);
    http.get()
        .uri("/actuator/prometheus")
        .header("Authorization", "Bearer test-metrics-token")
        .exchange()
        .expectStatus()
        .value(status -> assertThat(status).isIn(401, 403, 404));
  }

  @Test
  void healthShowsItsComponentsToTheOperationsCredentialOnly() {
    management
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components")
        .doesNotExist();
    management
        .get()
        .uri("/actuator/health")
        .header("X-Admin-Token", "test-operations-token")
        .exchange()
        .expectBody()
        .jsonPath("$.components.r2dbc.status")
        .isEqualTo("UP");
  }

  @Test
  void theOpenApiDocumentDescribesTheReservationEndpoints() {
    http.get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/api/v1/reservations'].post")
        .exists()
        .jsonPath("$.paths['/api/v1/reservations/{code}'].get")
        .exists()
        .jsonPath("$.paths['/api/v1/reservations/{code}/cancellation'].post")
        .exists();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> list(String path) {
    return http.get()
        .uri(path)
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(List.class)
        .returnResult()
        .getResponseBody();
  }
}
