package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With the database down, the API says so: 503 with Retry-After, and readiness is DOWN. */
@ExtendWith(OutputCaptureExtension.class)
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
    officesWhileTheDatabaseIsDown()
        .expectHeader()
        .exists("Retry-After")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(
            String.class, d -> assertThat(d).doesNotContain("r2dbc").doesNotContain("127.0.0.1"));
  }

  /**
   * The warning is written in the request's span, so that the {@code traceparent} the client got
   * leads to it: its trace id is in the line (Reactor restores no thread locals by itself here).
   */
  @Test
  void theWarningCarriesTheTraceIdTheClientWasAnswered(CapturedOutput output) {
    String traceparent =
        officesWhileTheDatabaseIsDown()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("traceparent");
    assertThat(traceparent).isNotNull();
    String traceId = traceparent.split("-")[1];

    assertThat(output.getOut().lines().filter(line -> line.contains("Dependency unavailable")))
        .anySatisfy(line -> assertThat(line).contains(traceId));
  }

  private WebTestClient.ResponseSpec officesWhileTheDatabaseIsDown() {
    return http.get()
        .uri("/api/v1/offices")
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isEqualTo(503);
  }

  @Override
  long reservationRows() {
    return 0;
  }
}
