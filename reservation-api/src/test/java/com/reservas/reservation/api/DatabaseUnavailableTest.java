package com.reservas.reservation.api;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** With the database down, the API says so: 503 with Retry-After, and readiness is DOWN. */
@TestPropertySource(
    properties = {"spring.flyway.enabled=false", "spring.r2dbc.pool.max-acquire-time=1s"})
class DatabaseUnavailableTest extends ApiTest {

  @DynamicPropertySource
  static void nowhere(DynamicPropertyRegistry registry) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    registry.add("spring.r2dbc.url", () -> "r2dbc:mysql://127.0.0.1:" + closedPort + "/reservas");
    registry.add("reservas.security.seed-clients", () -> "");
  }

  @Test
  void requestsAre503AndReadinessIsDown() {
    management.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
    http.get()
        .uri("/api/v1/offices")
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .exists("Retry-After")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(
            String.class,
            d ->
                org.assertj.core.api.Assertions.assertThat(d)
                    .doesNotContain("r2dbc")
                    .doesNotContain("127.0.0.1"));
  }

  @Override
  long reservationRows() {
    return 0;
  }
}
