package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.testsupport.TestDatabase;
import com.reservas.testsupport.seal.TestTokenSeal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Demo clients, whose keys the README publishes, exist under the local profile only; anywhere else
 * the API refuses to start with them. And a demo client an operator revoked stays revoked when the
 * local run restarts (seeding never re-keys nor un-revokes).
 */
class DemoClientsTest {

  @Test
  void demoClientsStopTheStartUnderProdAndEveryOtherProfileButLocal() {
    TestDatabase database = TestDatabase.create();
    String[] args = {
      "--server.port=0",
      "--management.server.port=0",
      "--spring.r2dbc.url=" + database.r2dbcUrl(),
      "--spring.flyway.url=" + database.jdbcUrl(),
      "--reservas.security.api-key-pepper=Qm7wX2rT9kLp4vZ8nB1cH6yD3fJ0sG5a",
      "--" + TestTokenSeal.PROPERTY,
      "--" + TestTokenSeal.WEBHOOK_KEY_PROPERTY,
      "--reservas.security.seed-clients[0].id=local-demo",
      "--reservas.security.seed-clients[0].name=Local demo client",
      "--reservas.security.seed-clients[0].api-key=local-demo-key"
    };
    for (String profile : new String[] {"prod", "default"}) {
      assertThatThrownBy(
              () -> ReservationApiApplication.application().profiles(profile).run(args).close())
          .as(profile)
          .hasStackTraceContaining("reservas.security.seed-clients")
          .hasStackTraceContaining("only under the local profile");
    }
  }

  @Test
  void aRevokedDemoClientStaysRevokedAcrossRestarts() {
    TestDatabase database = TestDatabase.create();
    try (RunningApi first = new RunningApi(database, Map.of())) {
      first
          .http
          .post()
          .uri("/admin/api-clients/client-b/revocation")
          .header("X-Admin-Token", "test-admin-token")
          .exchange()
          .expectStatus()
          .isNoContent();
    }
    try (RunningApi restarted = new RunningApi(database, Map.of())) {
      restarted
          .http
          .get()
          .uri("/api/v1/offices")
          .header("X-Api-Key", ApiTest.CLIENT_B_KEY)
          .exchange()
          .expectStatus()
          .isUnauthorized();
      restarted
          .http
          .get()
          .uri("/api/v1/offices")
          .header("X-Api-Key", ApiTest.CLIENT_A_KEY)
          .exchange()
          .expectStatus()
          .isOk();
    }
  }
}
