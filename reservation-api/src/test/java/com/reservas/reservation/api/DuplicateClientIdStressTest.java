package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.reservation.adapter.in.web.security.ApiClientDirectory;
import com.reservas.reservation.adapter.out.persistence.connection.CancellationSafeConnectionFactory;
import com.reservas.testsupport.ConcurrentCallers;
import io.r2dbc.pool.ConnectionPool;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Creating an API client whose id exists is a duplicate-key insert answered {@code false} (409):
 * thousands of them at once on a small pool, some abandoned by their caller mid-way, all answer,
 * nothing is written twice and every connection returns to the pool.
 */
@TestPropertySource(
    properties = {"spring.r2dbc.pool.initial-size=1", "spring.r2dbc.pool.max-size=4"})
class DuplicateClientIdStressTest extends ApiTest {

  /** One caller in eight gives up at a random moment. */
  private static final ConcurrentCallers CALLERS =
      new ConcurrentCallers(2_000, 64, 8, Duration.ofSeconds(60));

  @Autowired ApiClientDirectory clients;
  @Autowired ConnectionPool pool;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    useDatabaseOf(DuplicateClientIdStressTest.class, registry);
  }

  @AfterEach
  void everyConnectionReturnsToThePool() {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(pool.getMetrics().orElseThrow().acquiredSize()).isZero());
  }

  @Test
  void theServicesPoolHandsOutCancellationSafeConnections() {
    assertThat(pool.unwrap()).isInstanceOf(CancellationSafeConnectionFactory.class);
  }

  @Test
  void everyCreateOfAnExistingIdIsRefusedAndTheClientIsUnchanged() {
    List<Boolean> answered =
        CALLERS.answers(i -> clients.create("client-a", "Impostor", keyHash(i)));

    assertThat(answered).containsOnly(false);
    assertThat(count("api_client WHERE id = 'client-a' AND name = 'Client A'")).isOne();
    assertThat(count("api_client WHERE name = 'Impostor'")).isZero();
    http.post()
        .uri("/admin/api-clients")
        .header("X-Admin-Token", ApiKeyManagementTest.ADMIN_TOKEN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"id\": \"client-a\", \"name\": \"Impostor\"}")
        .exchange()
        .expectStatus()
        .isEqualTo(409);
  }

  @Test
  void ofManyConcurrentCreatesOfOneNewIdOneWinsAndTheOthersAreRefused() {
    List<Boolean> answered =
        CALLERS.answers(i -> clients.create("partner-race", "Partner", keyHash(i)));

    assertThat(answered).filteredOn(Boolean::booleanValue).hasSizeLessThanOrEqualTo(1);
    assertThat(count("api_client WHERE id = 'partner-race'")).isOne();
  }

  private static String keyHash(int i) {
    return "%064x".formatted(i + 1_000_000);
  }
}
