package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** docs/spec.md §9 integrity: many simultaneous creations, no duplicate codes, nothing lost. */
class ConcurrentCreationTest extends ApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    useDatabaseOf(ConcurrentCreationTest.class, registry);
  }

  @Test
  void aThousandConcurrentCreatesGiveAThousandDistinctCodesAndRows() {
    WebClient client = WebClient.create("http://localhost:" + port);

    List<String> codes =
        Flux.range(0, 1_000)
            .flatMap(
                i ->
                    client
                        .post()
                        .uri("/api/v1/reservations")
                        .header("X-Api-Key", CLIENT_A_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(VALID_BODY)
                        .retrieve()
                        .bodyToMono(Map.class)
                        .map(body -> (String) body.get("code")),
                200)
            .collectList()
            .block(Duration.ofMinutes(3));

    assertThat(codes)
        .hasSize(1_000)
        .doesNotHaveDuplicates()
        .allMatch(c -> c.matches("[A-Z0-9]{8}"));
    assertThat(count("reservation")).isEqualTo(1_000);
    assertThat(count("reservation_status_history")).isEqualTo(1_000);
    assertThat(count("outbox_event")).isEqualTo(1_000);
  }
}
