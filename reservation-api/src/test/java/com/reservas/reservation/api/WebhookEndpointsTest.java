package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A client registers, lists and deletes its webhook endpoints; the secret is shown once and kept
 * sealed; URLs that reach the platform's own network are refused (issue 20; docs/webhooks.md).
 */
class WebhookEndpointsTest extends ApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    useDatabaseOf(WebhookEndpointsTest.class, registry);
  }

  @Test
  void aRegisteredEndpointShowsItsSecretOnceAndIsListedWithoutIt() {
    Map<?, ?> created = register(CLIENT_A_KEY, "https://partner.example/hooks");
    assertThat(created.keySet().stream().map(String::valueOf).toList())
        .containsExactlyInAnyOrder("id", "url", "events", "enabled", "createdAt", "secret");
    assertThat(created.get("url")).isEqualTo("https://partner.example/hooks");
    assertThat(String.valueOf(created.get("events"))).isEqualTo("[reservation.status_changed]");
    assertThat(created.get("enabled")).isEqualTo(true);
    String secret = (String) created.get("secret");
    assertThat(secret).startsWith("whsec_");
    assertThat(Base64.getUrlDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(32);

    List<?> listed = list(CLIENT_A_KEY);
    Map<?, ?> one =
        listed.stream()
            .map(e -> (Map<?, ?>) e)
            .filter(e -> e.get("id").equals(created.get("id")))
            .findFirst()
            .orElseThrow();
    assertThat(one.get("url")).isEqualTo("https://partner.example/hooks");
    assertThat(listed).allMatch(e -> !((Map<?, ?>) e).containsKey("secret"));
    assertThat(sealedSecretOf((String) created.get("id")))
        .as("the secret is stored sealed, not in clear")
        .startsWith("v1.")
        .doesNotContain(secret.substring(6));
  }

  @Test
  void anotherClientsEndpointIsNotFoundAndNotListed() {
    String id = (String) register(CLIENT_A_KEY, "https://a.partner.example/hooks").get("id");
    assertThat(ids(CLIENT_B_KEY)).doesNotContain(id);
    http.delete()
        .uri("/api/v1/webhook-endpoints/{id}", id)
        .header("X-Api-Key", CLIENT_B_KEY)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    http.get()
        .uri("/api/v1/webhook-endpoints/{id}/deliveries", id)
        .header("X-Api-Key", CLIENT_B_KEY)
        .exchange()
        .expectStatus()
        .isNotFound();
    http.delete()
        .uri("/api/v1/webhook-endpoints/{id}", id)
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isNoContent();
    assertThat(ids(CLIENT_A_KEY)).doesNotContain(id);
  }

  @Test
  void anInvalidBodyNamesEveryFieldAndStoresNothing() {
    long before = count("webhook_endpoint");
    http.post()
        .uri("/api/v1/webhook-endpoints")
        .header("X-Api-Key", CLIENT_A_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"url\": \"ftp://partner.example/x\", \"events\": [\"nope\"], \"extra\": 1}")
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[*].field")
        .value(
            fields ->
                assertThat(((List<?>) fields).stream().map(String::valueOf).toList())
                    .containsExactlyInAnyOrder("url", "events[0]", "extra"));
    assertThat(count("webhook_endpoint")).isEqualTo(before);
  }

  @Test
  void urlsThatReachThePlatformsOwnNetworkAreRefused() {
    for (String url :
        List.of(
            "http://partner.example/hooks",
            "https://127.0.0.1/hooks",
            "https://localhost:8443/hooks",
            "https://10.1.2.3/hooks",
            "https://172.16.0.1/hooks",
            "https://192.168.1.10/hooks",
            "https://169.254.169.254/latest/meta-data",
            "https://[::1]/hooks",
            "https://[fd00:ec2::254]/hooks",
            "https://[::ffff:10.0.0.1]/hooks",
            "https://0.0.0.0/hooks",
            "https://user:pass@partner.example/hooks",
            "http://127.0.0.1/no-port")) {
      http.post()
          .uri("/api/v1/webhook-endpoints")
          .header("X-Api-Key", CLIENT_A_KEY)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("url", url, "events", List.of("reservation.status_changed")))
          .exchange()
          .expectStatus()
          .value(status -> assertThat(status).as(url).isEqualTo(422))
          .expectBody()
          .jsonPath("$.errors[0].field")
          .isEqualTo("url");
    }
  }

  @Test
  void theLocalProfileAcceptsPlainHttpToThisMachineOnAPort() {
    register(CLIENT_B_KEY, "http://127.0.0.1:9999/hooks");
    register(CLIENT_B_KEY, "http://localhost:9999/hooks");
  }

  @Test
  void anEleventhEndpointIsAConflict() {
    for (int i = list(CLIENT_B_KEY).size(); i < 10; i++) {
      register(CLIENT_B_KEY, "https://p" + i + ".partner.example/hooks");
    }
    http.post()
        .uri("/api/v1/webhook-endpoints")
        .header("X-Api-Key", CLIENT_B_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "url",
                "https://p10.partner.example/hooks",
                "events",
                List.of("reservation.status_changed")))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(list(CLIENT_B_KEY)).hasSize(10);
  }

  /**
   * Eight registrations at once for a client's two last places, for five clients: two get in, the
   * others are told 409, and nothing else (two of them can deadlock on InnoDB's locks of the
   * counted range; the victim is run again, not answered 503).
   */
  @RepeatedTest(5)
  void registrationsRacingForTheLastPlacesNeverPassTheLimit(RepetitionInfo repetition)
      throws Exception {
    String key = newClient("racing-" + repetition.getCurrentRepetition(), "Racing Partner");
    for (int i = 0; i < 8; i++) {
      register(key, "https://r" + i + ".partner.example/hooks");
    }
    ExecutorService senders = Executors.newFixedThreadPool(8);
    CyclicBarrier together = new CyclicBarrier(8);
    List<Future<Integer>> statuses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String url = "https://late" + i + ".partner.example/hooks";
      statuses.add(
          senders.submit(
              () -> {
                together.await();
                return registration(key, url).returnResult(String.class).getStatus().value();
              }));
    }
    List<Integer> answered = new ArrayList<>();
    for (Future<Integer> status : statuses) {
      answered.add(status.get(60, TimeUnit.SECONDS));
    }
    senders.shutdown();
    assertThat(answered).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(2);
    assertThat(list(key)).hasSize(10);
  }

  @Test
  void theOwnerSeesTheAttemptsAndAsksForARedelivery() throws SQLException {
    String id = (String) register(CLIENT_A_KEY, "https://d.partner.example/hooks").get("id");
    try (Connection c = database(getClass()).connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO webhook_delivery (endpoint_id, event_id, reservation_code, sequence_no,"
              + " payload, state, attempts, created_at, next_attempt_at) VALUES ('"
              + id
              + "', 'evt-1', 'K7P2QX9A', 1, '{}', 'PENDING', 1, UTC_TIMESTAMP(6),"
              + " '2030-01-01 00:00:00')");
      s.executeUpdate(
          "INSERT INTO webhook_attempt (endpoint_id, event_id, reservation_code, attempt,"
              + " attempted_at, status_code, error, duration_ms, next_retry_at) VALUES ('"
              + id
              + "', 'evt-1', 'K7P2QX9A', 1, UTC_TIMESTAMP(6), 503, NULL, 42,"
              + " '2030-01-01 00:00:00')");
    }
    http.get()
        .uri("/api/v1/webhook-endpoints/{id}/deliveries", id)
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].eventId")
        .isEqualTo("evt-1")
        .jsonPath("$[0].reservationCode")
        .isEqualTo("K7P2QX9A")
        .jsonPath("$[0].statusCode")
        .isEqualTo(503)
        .jsonPath("$[0].attempt")
        .isEqualTo(1)
        .jsonPath("$[0].durationMs")
        .isEqualTo(42)
        .jsonPath("$[0].nextRetryAt")
        .isEqualTo("2030-01-01T00:00:00Z");

    http.post()
        .uri("/api/v1/webhook-endpoints/{id}/deliveries/evt-1/redelivery", id)
        .header("X-Api-Key", CLIENT_B_KEY)
        .exchange()
        .expectStatus()
        .isNotFound();
    http.post()
        .uri("/api/v1/webhook-endpoints/{id}/deliveries/evt-unknown/redelivery", id)
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isNotFound();
    http.post()
        .uri("/api/v1/webhook-endpoints/{id}/deliveries/evt-1/redelivery", id)
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isAccepted();
    try (Connection c = database(getClass()).connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT next_attempt_at < '2030-01-01' FROM webhook_delivery WHERE event_id ="
                    + " 'evt-1'")) {
      rs.next();
      assertThat(rs.getBoolean(1)).as("due again now").isTrue();
    }
  }

  @Test
  void withoutAnApiKeyNothingIsAnswered() {
    http.get().uri("/api/v1/webhook-endpoints").exchange().expectStatus().isUnauthorized();
  }

  private WebTestClient.ResponseSpec registration(String key, String url) {
    return http.post()
        .uri("/api/v1/webhook-endpoints")
        .header("X-Api-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("url", url, "events", List.of("reservation.status_changed")))
        .exchange();
  }

  private Map<?, ?> register(String key, String url) {
    return registration(key, url)
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private List<String> ids(String key) {
    return list(key).stream().map(e -> String.valueOf(((Map<?, ?>) e).get("id"))).toList();
  }

  private List<?> list(String key) {
    return http.get()
        .uri("/api/v1/webhook-endpoints")
        .header("X-Api-Key", key)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(List.class)
        .returnResult()
        .getResponseBody();
  }

  private String sealedSecretOf(String id) {
    try (Connection c = database(getClass()).connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT secret_sealed FROM webhook_endpoint WHERE id = '" + id + "'")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
