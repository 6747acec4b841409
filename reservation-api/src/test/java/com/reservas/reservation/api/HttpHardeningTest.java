package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Security headers on every answer, and request headers that are refused or ignored. */
class HttpHardeningTest extends ApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
      new ParameterizedTypeReference<>() {};

  private static final String WELL_FORMED_TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    useDatabaseOf(HttpHardeningTest.class, registry);
  }

  @Test
  void everyApiAnswerCarriesTheSecurityHeadersErrorsIncluded() {
    hasApiSecurityHeaders(
        http.get().uri("/api/v1/offices").header("X-Api-Key", CLIENT_A_KEY).exchange(), 200);
    hasApiSecurityHeaders(http.get().uri("/api/v1/offices").exchange(), 401);
    hasApiSecurityHeaders(
        http.get().uri("/api/v1/nothing").header("X-Api-Key", CLIENT_A_KEY).exchange(), 404);
    hasApiSecurityHeaders(post("{\"customer\": 1}"), 422);
  }

  @Test
  void plainHttpGetsNoHstsBecauseBrowsersIgnoreItThere() {
    management
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectHeader()
        .doesNotExist("Strict-Transport-Security")
        .expectHeader()
        .valueEquals("X-Frame-Options", "DENY");
  }

  @Test
  void swaggerUiMayLoadItsOwnScriptsButNothingFromElsewhere() {
    http.get()
        .uri("/swagger-ui/index.html")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .value(
            "Content-Security-Policy",
            csp ->
                assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
  }

  @Test
  void anIdempotencyKeyWithMarkupQuotesOrCardDataIsInvalidInput() {
    long rows = reservationRows();
    for (String key :
        new String[] {"<script>", "a'; DROP TABLE reservation; --", "4242424242424242"}) {
      http.post()
          .uri("/api/v1/reservations")
          .header("X-Api-Key", CLIENT_A_KEY)
          .header("Idempotency-Key", key)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(VALID_BODY)
          .exchange()
          .expectStatus()
          .isEqualTo(422)
          .expectBody(String.class)
          .value(body -> assertThat(body).doesNotContain("4242").doesNotContain("<script>"));
    }
    assertThat(reservationRows()).isEqualTo(rows);
  }

  @Test
  void aMalformedTraceparentIsIgnoredNotStored() {
    EntityExchangeResult<Map<String, Object>> created =
        http.post()
            .uri("/api/v1/reservations")
            .header("X-Api-Key", CLIENT_A_KEY)
            .header("traceparent", "00-" + "x".repeat(200) + "'); DROP TABLE outbox_event; --")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(VALID_BODY)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(JSON_OBJECT)
            .returnResult();

    String answered = created.getResponseHeaders().getFirst("traceparent");
    assertThat(answered).as("a new trace starts").matches(WELL_FORMED_TRACEPARENT);
    assertThat(storedTraceparents(created.getResponseBody().get("code"))).containsExactly(answered);
  }

  @Test
  void aWellFormedTraceparentIsContinuedByTheEvent() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    EntityExchangeResult<Map<String, Object>> created =
        http.post()
            .uri("/api/v1/reservations")
            .header("X-Api-Key", CLIENT_A_KEY)
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(VALID_BODY)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(JSON_OBJECT)
            .returnResult();

    String answered = created.getResponseHeaders().getFirst("traceparent");
    assertThat(answered)
        .as("the request's span, in the client's trace")
        .matches("00-" + traceId + "-[0-9a-f]{16}-01")
        .isNotEqualTo("00-" + traceId + "-00f067aa0ba902b7-01");
    assertThat(storedTraceparents(created.getResponseBody().get("code"))).containsExactly(answered);
  }

  /** The {@code traceparent} of the reservation's outbox rows. */
  private List<String> storedTraceparents(Object code) {
    try (Connection c = database(getClass()).connect();
        PreparedStatement s =
            c.prepareStatement("SELECT traceparent FROM outbox_event WHERE aggregate_id = ?")) {
      s.setString(1, String.valueOf(code));
      List<String> traceparents = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          traceparents.add(rs.getString(1));
        }
      }
      return traceparents;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void dateTimesOutsideWhatTheDatabaseKeepsAreInvalidInputNotServerErrors() {
    long rows = reservationRows();
    post(VALID_BODY
            .replace("2027-03-10T09:30:00", "+10000-03-10T09:30:00")
            .replace("2027-03-14T18:00:00", "+10000-03-14T18:00:00"))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors.length()")
        .isEqualTo(2);
    post(VALID_BODY.replace("2027-03-14T18:00:00", "2027-03-14T18:00:00.5"))
        .expectStatus()
        .isEqualTo(422);
    assertThat(reservationRows()).isEqualTo(rows);
  }

  private static void hasApiSecurityHeaders(WebTestClient.ResponseSpec response, int status) {
    response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .valueEquals("X-Content-Type-Options", "nosniff")
        .expectHeader()
        .valueEquals("X-Frame-Options", "DENY")
        .expectHeader()
        .valueEquals("Referrer-Policy", "no-referrer")
        .expectHeader()
        .valueEquals("Cache-Control", "no-store")
        .expectHeader()
        .value(
            "Content-Security-Policy",
            csp -> assertThat(csp).startsWith("default-src 'none'").contains("frame-ancestors"));
  }
}
