package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Limits count per client IP and endpoint group: one address over its limit on one endpoint gets
 * 429 with Retry-After, and neither other addresses nor its other endpoints notice. Failed
 * authentications and operator requests are limited per address too. The test client is a trusted
 * proxy here, so X-Forwarded-For plays the part of many clients.
 */
@TestPropertySource(
    properties = {
      "reservas.rate-limit.enabled=true",
      "reservas.rate-limit.create.limit-for-period=3",
      "reservas.rate-limit.create.refresh-period=1h",
      "reservas.rate-limit.catalogue.limit-for-period=5",
      "reservas.rate-limit.catalogue.refresh-period=1h",
      // the clients' quotas do not bite here (ClientQuotaTest)
      "reservas.rate-limit.client-quota.creations-per-second=10000",
      "reservas.rate-limit.client-quota.reads-per-second=10000",
      "reservas.rate-limit.failed-authentications.limit-for-period=5",
      "reservas.rate-limit.failed-authentications.refresh-period=1h",
      "reservas.rate-limit.operator.limit-for-period=3",
      "reservas.rate-limit.operator.refresh-period=1h",
      "reservas.client-addresses.trusted-proxies=127.0.0.1,0:0:0:0:0:0:0:1"
    })
class RateLimitTest extends ApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    useDatabaseOf(RateLimitTest.class, registry);
  }

  @Test
  void overTheLimitIs429WithRetryAfterAndWritesNothing() {
    for (int i = 0; i < 3; i++) {
      createFrom("203.0.113.10").expectStatus().isCreated();
    }
    long rows = reservationRows();

    createFrom("203.0.113.10")
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .value("Retry-After", v -> assertThat(Long.parseLong(v)).isBetween(1L, 3600L))
        .expectHeader()
        .valueEquals("X-Content-Type-Options", "nosniff")
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(429)
        .jsonPath("$.type")
        .value(String.class, t -> assertThat(t).endsWith("/too-many-requests"));
    assertThat(reservationRows()).isEqualTo(rows);
  }

  @Test
  void aRefusedCreateLeavesTheClientsNextRequestUnharmed() {
    WebTestClient client = http.mutate().responseTimeout(Duration.ofSeconds(10)).build();
    for (int i = 0; i < 20; i++) {
      WebTestClient address =
          client.mutate().defaultHeader("X-Forwarded-For", "198.51.100." + (100 + i)).build();
      for (int j = 0; j < 3; j++) {
        post(address, VALID_BODY).expectStatus().isCreated();
      }
      post(address, VALID_BODY).expectStatus().isEqualTo(429);
      address
          .get()
          .uri("/api/v1/offices")
          .header("X-Api-Key", CLIENT_A_KEY)
          .exchange()
          .expectStatus()
          .isOk();
    }
  }

  @Test
  void anotherAddressAndAnotherEndpointOfTheSameAddressAreUnaffected() {
    for (int i = 0; i < 3; i++) {
      createFrom("203.0.113.20").expectStatus().isCreated();
    }
    createFrom("203.0.113.20").expectStatus().isEqualTo(429);

    createFrom("203.0.113.21").expectStatus().isCreated();
    from("203.0.113.20")
        .get()
        .uri("/api/v1/offices")
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void operatorRequestsAreLimitedPerAddress() {
    for (int i = 0; i < 3; i++) {
      from("203.0.113.50")
          .get()
          .uri("/admin/api-clients")
          .header("X-Admin-Token", "test-admin-token")
          .exchange()
          .expectStatus()
          .isOk();
    }
    from("203.0.113.50")
        .get()
        .uri("/admin/api-clients")
        .header("X-Admin-Token", "test-admin-token")
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists("Retry-After");
    from("203.0.113.51")
        .get()
        .uri("/admin/api-clients")
        .header("X-Admin-Token", "test-admin-token")
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void guessingOperatorCredentialsLocksTheAddressOut() {
    for (int i = 0; i < 5; i++) {
      from("203.0.113.60")
          .post()
          .uri("/admin/api-clients/client-b/key")
          .header("X-Admin-Token", "guess-" + i)
          .exchange()
          .expectStatus()
          .isUnauthorized();
    }
    from("203.0.113.60")
        .post()
        .uri("/admin/api-clients/client-b/key")
        .header("X-Admin-Token", "test-admin-token")
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    from("203.0.113.61")
        .get()
        .uri("/api/v1/offices")
        .header("X-Api-Key", CLIENT_B_KEY)
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void requestsWithoutAValidKeyCountToo() {
    for (int i = 0; i < 5; i++) {
      from("203.0.113.30")
          .get()
          .uri("/api/v1/offices")
          .header("X-Api-Key", "guess-" + i)
          .exchange()
          .expectStatus()
          .isUnauthorized();
    }
    from("203.0.113.30")
        .get()
        .uri("/api/v1/offices")
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists("Retry-After");
  }

  @Test
  void operatorAndHealthEndpointsAreNotLimited() {
    for (int i = 0; i < 10; i++) {
      management.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
  }

  private WebTestClient.ResponseSpec createFrom(String address) {
    return post(from(address), VALID_BODY);
  }

  private WebTestClient from(String address) {
    return http.mutate().defaultHeader("X-Forwarded-For", address).build();
  }
}
