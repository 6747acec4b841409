package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Operators read who created, read and cancelled a reservation, when and from where. */
class AuditLogTest extends ApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    useDatabaseOf(AuditLogTest.class, registry);
  }

  @Test
  void theAuditOfAReservationListsEachCreateReadAndCancellationWithItsMetadata() {
    Instant before = Instant.now().minusSeconds(1);
    String code = create();
    read(code, CLIENT_A_KEY).expectStatus().isOk();
    http.post()
        .uri("/api/v1/reservations/{code}/cancellation", code)
        .header("X-Api-Key", CLIENT_A_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"reason\": \"Call me on 600 111 222\"}")
        .exchange()
        .expectStatus()
        .isAccepted();

    List<Map<String, Object>> audit = audit(code);

    assertThat(audit)
        .extracting(e -> e.get("action"))
        .containsExactly("reservation.created", "reservation.read", "reservation.cancelled");
    assertThat(audit)
        .allSatisfy(
            e -> {
              assertThat(e.get("actor")).isEqualTo("client-a");
              assertThat(e.get("reservationCode")).isEqualTo(code);
              assertThat((String) e.get("sourceIp")).matches("127\\.0\\.0\\.1|::1");
              assertThat(Instant.parse((String) e.get("occurredAt"))).isAfter(before);
            });
    assertThat((String) audit.get(2).get("details"))
        .contains("CANCELLED")
        .doesNotContain("600 111 222")
        .doesNotContain("600111222");
  }

  @Test
  void noAuditRecordHoldsTheCustomersPersonalData() {
    String code = create();
    read(code, CLIENT_A_KEY).expectStatus().isOk();

    String audit =
        admin("/admin/audit?reservation=" + code)
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(audit)
        .doesNotContain("Ana")
        .doesNotContain("García")
        .doesNotContain("ana@example.com")
        .doesNotContain("600111222")
        .doesNotContain("pm_card_visa");
  }

  @Test
  void anotherClientsAttemptToReadShowsNothingAndIsNotARead() {
    String code = create();
    read(code, CLIENT_B_KEY).expectStatus().isNotFound();

    assertThat(audit(code)).extracting(e -> e.get("action")).containsExactly("reservation.created");
  }

  @Test
  void theAuditEndpointIsForOperatorsOnly() {
    String code = create();
    http.get()
        .uri("/admin/audit?reservation=" + code)
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isForbidden();
    admin("/admin/audit?reservation=not-a-code")
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    admin("/admin/audit").expectStatus().isEqualTo(422);
    admin("/admin/audit?reservation=ZZZZZZZZ").expectBody().json("[]");
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec read(
      String code, String key) {
    return http.get().uri("/api/v1/reservations/{code}", code).header("X-Api-Key", key).exchange();
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec admin(
      String uri) {
    return http.get().uri(uri).header("X-Admin-Token", ApiKeyManagementTest.ADMIN_TOKEN).exchange();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> audit(String code) {
    return admin("/admin/audit?reservation=" + code)
        .expectStatus()
        .isOk()
        .expectBody(List.class)
        .returnResult()
        .getResponseBody();
  }
}
