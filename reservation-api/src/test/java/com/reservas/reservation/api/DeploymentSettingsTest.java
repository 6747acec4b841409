package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.testsupport.TestDatabase;
import com.reservas.testsupport.http.RawHttp;
import com.reservas.testsupport.seal.TestTokenSeal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The API as deployed (no {@code local} profile): it refuses to start with a placeholder operator
 * credential or a placeholder pepper and says which property to fix; the OpenAPI documents and
 * Swagger UI go away with one property.
 */
class DeploymentSettingsTest {

  private static final TestDatabase database = TestDatabase.create();

  private static List<String> deployed(String... extra) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--management.server.port=0");
    args.add("--spring.r2dbc.url=" + database.r2dbcUrl());
    args.add("--spring.flyway.url=" + database.jdbcUrl());
    args.add("--reservas.security.api-key-pepper=Qm7wX2rT9kLp4vZ8nB1cH6yD3fJ0sG5a");
    args.add("--" + TestTokenSeal.PROPERTY);
    args.add("--" + TestTokenSeal.WEBHOOK_KEY_PROPERTY);
    args.addAll(List.of(extra));
    return args;
  }

  private static ConfigurableApplicationContext start(List<String> args) {
    return ReservationApiApplication.application().run(args.toArray(String[]::new));
  }

  @Test
  void aPlaceholderOperatorCredentialStopsTheStartNamingItsProperty() {
    assertThatThrownBy(
            () ->
                start(deployed("--reservas.operator.metrics-token=change-me-metrics-token"))
                    .close())
        .hasStackTraceContaining("reservas.operator.metrics-token")
        .hasStackTraceContaining("32");
  }

  @Test
  void theDevelopmentPepperStopsTheStartOutsideTheLocalProfile() {
    List<String> args = deployed();
    args.removeIf(arg -> arg.startsWith("--reservas.security.api-key-pepper="));
    assertThatThrownBy(() -> start(args).close())
        .hasStackTraceContaining("reservas.security.api-key-pepper")
        .hasStackTraceContaining("placeholder");
  }

  @Test
  void withoutTheEventTokenSealKeyTheStartStopsOutsideTheLocalProfile() {
    List<String> args = deployed();
    args.remove("--" + TestTokenSeal.PROPERTY);
    assertThatThrownBy(() -> start(args).close())
        .hasStackTraceContaining("reservas.events.token-seal.key is not set");
  }

  @Test
  void withoutTheWebhookKeyTheStartStopsOutsideTheLocalProfile() {
    List<String> args = deployed();
    args.remove("--" + TestTokenSeal.WEBHOOK_KEY_PROPERTY);
    assertThatThrownBy(() -> start(args).close())
        .hasStackTraceContaining("reservas.webhooks.secret-key is not set");
  }

  @Test
  void oneCredentialForTwoPurposesStopsTheStart() {
    String same = "Zr4Tq8Wm1Xn5Vb9Kc2Lh6Jd0Fg3Sa7Py";
    assertThatThrownBy(
            () ->
                start(
                        deployed(
                            "--reservas.operator.metrics-token=" + same,
                            "--reservas.operator.operations-token=" + same))
                    .close())
        .hasStackTraceContaining("has the same value as");
  }

  @Test
  void oneSwitchTurnsTheOpenApiDocumentsAndSwaggerUiOff() {
    try (ConfigurableApplicationContext api =
        start(deployed("--springdoc.api-docs.enabled=false"))) {
      RawHttp http =
          new RawHttp(
              "127.0.0.1", Integer.parseInt(api.getEnvironment().getProperty("local.server.port")));
      assertThat(http.get("/v3/api-docs", Map.of()).status()).isEqualTo(404);
      assertThat(http.get("/swagger-ui.html", Map.of()).status()).isEqualTo(404);
      assertThat(http.get("/swagger-ui/index.html", Map.of()).status()).isEqualTo(404);
    }
    try (ConfigurableApplicationContext api = start(deployed())) {
      RawHttp http =
          new RawHttp(
              "127.0.0.1", Integer.parseInt(api.getEnvironment().getProperty("local.server.port")));
      assertThat(http.get("/v3/api-docs", Map.of()).status()).isEqualTo(200);
    }
  }
}
