package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Limits count per client IP and endpoint group: one address over its limit on one endpoint gets
 * 429 with Retry-After, and neither other addresses nor its other endpoints notice. The test client
 * is a trusted proxy here, so X-Forwarded-For plays the part of many clients.
 */
@TestPropertySource(
    properties = {
      "reservas.rate-limit.enabled=true",
      "reservas.rate-limit.create.limit-for-period=3",
      "reservas.rate-limit.create.refresh-period=1h",
      "reservas.rate-limit.catalogue.limit-for-period=5",
      "reservas.rate-limit.catalogue.refresh-period=1h",
      "reservas.security.trusted-proxies=127.0.0.1,0:0:0:0:0:0:0:1"
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
      from("203.0.113.40").get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
  }

  private WebTestClient.ResponseSpec createFrom(String address) {
    return from(address)
        .post()
        .uri("/api/v1/reservations")
        .header("X-Api-Key", CLIENT_A_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(VALID_BODY)
        .exchange();
  }

  private WebTestClient from(String address) {
    return http.mutate().defaultHeader("X-Forwarded-For", address).build();
  }
}
