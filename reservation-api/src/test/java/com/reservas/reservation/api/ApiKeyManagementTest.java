package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Operators create and revoke API keys with the admin token; clients cannot. */
class ApiKeyManagementTest extends ApiTest {

  static final String ADMIN_TOKEN = "test-admin-token";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    useDatabaseOf(ApiKeyManagementTest.class, registry);
  }

  @Test
  void aCreatedKeyIsShownOnceWorksAtOnceAndStopsWorkingWhenRevoked() {
    Map<?, ?> created =
        admin()
            .post()
            .uri("/admin/api-clients")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"id\": \"partner-x\", \"name\": \"Partner X\"}")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("Location", "/admin/api-clients/partner-x")
            .expectHeader()
            .valueEquals("Cache-Control", "no-store")
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    String key = (String) created.get("apiKey");
    assertThat(key).startsWith("rsv_").hasSize(4 + 43);
    assertThat(created.get("id")).isEqualTo("partner-x");

    String code = createWith(key);
    http.get()
        .uri("/api/v1/reservations/{code}", code)
        .header("X-Api-Key", key)
        .exchange()
        .expectStatus()
        .isOk();
    http.get()
        .uri("/api/v1/reservations/{code}", code)
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isNotFound();

    admin()
        .post()
        .uri("/admin/api-clients/partner-x/revocation")
        .exchange()
        .expectStatus()
        .isNoContent();

    http.get()
        .uri("/api/v1/offices")
        .header("X-Api-Key", key)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(
            count(
                "audit_log WHERE actor = 'operator' AND details = 'client partner-x'"
                    + " AND action IN ('api-client.created', 'api-client.revoked')"))
        .as("key management is audited")
        .isEqualTo(2);
  }

  @Test
  void aRotatedKeyReplacesTheOldOneAndKeepsTheClientsReservations() {
    String oldKey = newClient("partner-r", "Partner R");
    String code = createWith(oldKey);

    Map<?, ?> rotated =
        admin()
            .post()
            .uri("/admin/api-clients/partner-r/key")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    String newKey = (String) rotated.get("apiKey");

    assertThat(newKey).isNotEqualTo(oldKey);
    http.get()
        .uri("/api/v1/reservations/{code}", code)
        .header("X-Api-Key", oldKey)
        .exchange()
        .expectStatus()
        .isUnauthorized();
    http.get()
        .uri("/api/v1/reservations/{code}", code)
        .header("X-Api-Key", newKey)
        .exchange()
        .expectStatus()
        .isOk();
    admin().post().uri("/admin/api-clients/nobody-here/key").exchange().expectStatus().isNotFound();
  }

  @Test
  void theStoredKeyIsAKeyedHashNeverTheKeyAndTheListShowsNeither() {
    Map<?, ?> created =
        admin()
            .post()
            .uri("/admin/api-clients")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"id\": \"partner-y\", \"name\": \"Partner Y\"}")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    String key = (String) created.get("apiKey");

    assertThat(count("api_client WHERE key_hash = '" + key + "'")).isZero();
    assertThat(count("api_client WHERE id = 'partner-y' AND LENGTH(key_hash) = 64")).isOne();
    String list =
        admin()
            .get()
            .uri("/admin/api-clients")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(list).contains("partner-y", "Partner Y").doesNotContain(key).doesNotContain("hash");
  }

  @Test
  void anExistingIdIsAConflictAndAnUnknownOneCannotBeRevoked() {
    admin()
        .post()
        .uri("/admin/api-clients")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"id\": \"client-a\", \"name\": \"Impostor\"}")
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    http.get()
        .uri("/api/v1/offices")
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isOk();

    admin()
        .post()
        .uri("/admin/api-clients/nobody-here/revocation")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void invalidClientDefinitionsAreInvalidInput() {
    Map<?, ?> problem =
        admin()
            .post()
            .uri("/admin/api-clients")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"id\": \"Bad Id!\", \"name\": \"<script>\", \"key\": \"mine\"}")
            .exchange()
            .expectStatus()
            .isEqualTo(422)
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    List<String> fields =
        ((List<?>) problem.get("errors"))
            .stream().map(e -> String.valueOf(((Map<?, ?>) e).get("field"))).toList();
    assertThat(fields).containsExactlyInAnyOrder("id", "name", "key");

    admin()
        .post()
        .uri("/admin/api-clients")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"id\": \"cards\", \"name\": \"Partner 4242 4242 4242 4242\"}")
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].message")
        .isEqualTo("must not contain card data");
  }

  @Test
  void keyManagementNeedsTheAdminTokenNotAnApiKey() {
    http.post()
        .uri("/admin/api-clients")
        .header("X-Api-Key", CLIENT_A_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"id\": \"sneaky\", \"name\": \"Sneaky\"}")
        .exchange()
        .expectStatus()
        .isForbidden();
    http.post()
        .uri("/admin/api-clients/client-a/revocation")
        .header("X-Admin-Token", "wrong")
        .exchange()
        .expectStatus()
        .isUnauthorized();
    http.post()
        .uri("/admin/api-clients/client-a/revocation")
        .header("X-Admin-Token", "test-operations-token")
        .exchange()
        .expectStatus()
        .isForbidden();
    http.get()
        .uri("/api/v1/offices")
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isOk();
  }

  private WebTestClient admin() {
    return http.mutate().defaultHeader("X-Admin-Token", ADMIN_TOKEN).build();
  }

  private String createWith(String key) {
    Map<?, ?> body =
        http.post()
            .uri("/api/v1/reservations")
            .header("X-Api-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(VALID_BODY)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (String) body.get("code");
  }
}
