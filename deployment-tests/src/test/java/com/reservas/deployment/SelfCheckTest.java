package com.reservas.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checkers themselves: they must reject what they are meant to reject. */
class SelfCheckTest {

  @Test
  void relaxedBindingCheckAcceptsRealPropertiesAndRejectsTypos() {
    ServiceConfiguration relay = ServiceConfiguration.of(SpringService.OUTBOX_RELAY);
    assertThat(relay.target("RESERVAS_RELAY_DATABASE_HOST"))
        .contains("reservas.relay.database.host");
    assertThat(relay.target("RESERVAS_RELAY_DATABASE_SERVERID"))
        .contains("reservas.relay.database.server-id");
    assertThat(relay.target("RESERVAS_RELAY_DATABASE_SERVER_ID"))
        .contains("reservas.relay.database.server-id");
    assertThat(relay.target("RESERVAS_RELAY_DATABSE_HOST")).isEmpty();
    assertThat(relay.target("RESERVAS_RELAY_CONECTOR")).isEmpty();
    // The relay has no database of its own in spring.r2dbc.
    assertThat(relay.target("SPRING_R2DBC_URL")).isEmpty();

    ServiceConfiguration payment = ServiceConfiguration.of(SpringService.PAYMENT_CONSUMER);
    assertThat(payment.target("STRIPE_SECRET_KEY")).contains("${STRIPE_SECRET_KEY}");
    assertThat(payment.target("RESERVAS_STRIPE_APIBASE")).contains("reservas.stripe.api-base");
    assertThat(payment.target("RESERVAS_STRIPE_API_BASE_URL")).isEmpty();
    assertThat(payment.target("SPRING_KAFKA_LISTENER_CONCURRENCY"))
        .contains("spring.kafka.listener.concurrency");
    assertThat(payment.target("SPRING_KAFKA_CONSUMER_MAX_POLL_RECORDS"))
        .contains("spring.kafka.consumer.max-poll-records");
    assertThat(payment.target("SPRING_KAFKA_NO_SUCH_THING")).isEmpty();

    ServiceConfiguration api = ServiceConfiguration.of(SpringService.RESERVATION_API);
    assertThat(api.target("SPRING_SSL_BUNDLE_PEM_RESERVAS_KEYSTORE_CERTIFICATE"))
        .contains("spring.ssl.bundle.pem.*");
    assertThat(api.target("SERVER_SSL_BUNDLE")).contains("server.ssl.bundle");
    assertThat(api.target("RESERVAS_SECURITY_API_KEY_PEPPER"))
        .contains("reservas.security.api-key-pepper");
  }

  @Test
  void typedManifestCheckReportsUnknownAndMistypedFields() {
    Map<String, Object> deployment =
        Yamls.map(
            Yamls.loadAllText(
                    """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: x}
                    spec:
                      replicas: 1
                      selector: {matchLabels: {a: b}}
                      template:
                        metadata: {labels: {a: b}}
                        spec:
                          containers:
                            - name: x
                              image: x
                              readinessProbe:
                                httpGet: {pth: /actuator/health/readiness, port: http}
                          restartPolicyy: Always
                    """)
                .get(0));
    List<String> problems = KubernetesTypes.problems(deployment);
    assertThat(problems).hasSize(2);
    assertThat(String.join("\n", problems)).contains("pth", "restartPolicyy");

    Map<String, Object> mistyped =
        Yamls.map(
            Yamls.loadAllText(
                    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replicas: two}")
                .get(0));
    assertThat(KubernetesTypes.problems(mistyped)).hasSize(1);

    Map<String, Object> unknownKind =
        Yamls.map(Yamls.loadAllText("apiVersion: v1\nkind: Pod\nmetadata: {name: x}").get(0));
    assertThat(KubernetesTypes.problems(unknownKind)).hasSize(1);
  }

  @Test
  void composeInterpolationTakesDefaultsAndUnescapesDollars() {
    ComposeFile compose = ComposeFile.load();
    assertThat(compose.environment("mysql").get("MYSQL_PASSWORD"))
        .isEqualTo("change-me-db-password");
    assertThat(compose.healthcheck("mysql")).contains("\"$MYSQL_ROOT_PASSWORD\"");
  }
}
