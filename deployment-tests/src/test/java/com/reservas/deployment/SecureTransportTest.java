package com.reservas.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The transport-security options (deploy/compose/secure-transport.yml and the Kustomize component
 * deploy/k8s/components/secure-transport) set properties the services really read: every variable
 * lands on a property of its service, Kafka clients use SASL_SSL, database connections verify the
 * server's certificate, and the JDBC URL no longer allows public key retrieval.
 */
class SecureTransportTest {

  private static final String COMPONENT = "deploy/k8s/components/secure-transport/";

  private static final List<SpringService> KAFKA_CLIENTS =
      List.of(
          SpringService.OUTBOX_RELAY,
          SpringService.PAYMENT_CONSUMER,
          SpringService.PROVIDER_CONSUMER,
          SpringService.STATUS_PROJECTOR,
          SpringService.NOTIFICATION_DISPATCHER);

  private static final List<SpringService> DATABASE_CLIENTS =
      List.of(
          SpringService.RESERVATION_API,
          SpringService.STATUS_PROJECTOR,
          SpringService.NOTIFICATION_DISPATCHER);

  @Test
  void theComposeOverrideSecuresEveryConnectionOfEveryService() {
    ComposeFile override = ComposeFile.load("deploy/compose/secure-transport.yml");

    for (SpringService service : SpringService.values()) {
      assertSecured(service, override.environment(service.module()));
    }
  }

  @Test
  void theKubernetesComponentSecuresEveryConnectionOfEveryService() {
    Map<String, Object> kustomization =
        Yamls.loadMap(Repository.path(COMPONENT + "kustomization.yaml"));
    assertThat(kustomization.get("kind")).isEqualTo("Component");

    for (SpringService service : SpringService.values()) {
      Map<String, Object> patch =
          Yamls.loadMap(Repository.path(COMPONENT + service.module() + ".yaml"));
      Map<String, Object> container =
          Yamls.map(
              Yamls.list(Yamls.at(patch, "spec", "template", "spec").get("containers")).get(0));
      Map<String, String> environment = new LinkedHashMap<>();
      for (Object entry : Yamls.list(container.get("env"))) {
        Map<String, Object> variable = Yamls.map(entry);
        environment.put(
            String.valueOf(variable.get("name")),
            variable.containsKey("value") ? Yamls.text(variable.get("value")) : "<secret>");
      }
      assertSecured(service, environment);
    }
  }

  private static void assertSecured(SpringService service, Map<String, String> variables) {
    ServiceConfiguration configuration = ServiceConfiguration.of(service);
    variables
        .keySet()
        .forEach(
            variable ->
                assertThat(configuration.target(variable))
                    .as("%s of %s", variable, service.module())
                    .isPresent());
    ConfigurableEnvironment environment = configuration.environment(variables);
    if (KAFKA_CLIENTS.contains(service)) {
      assertThat(environment.getProperty("spring.kafka.security.protocol"))
          .as(service.module())
          .isEqualTo("SASL_SSL");
      assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism"))
          .isEqualTo("SCRAM-SHA-512");
      assertThat(environment.getProperty("spring.kafka.properties.sasl.jaas.config")).isNotBlank();
    }
    if (DATABASE_CLIENTS.contains(service)) {
      assertThat(environment.getProperty("spring.r2dbc.properties.sslMode"))
          .as(service.module())
          .isEqualTo("VERIFY_IDENTITY");
    }
    if (service == SpringService.RESERVATION_API) {
      assertThat(environment.getProperty("spring.flyway.url"))
          .contains("sslMode=verify-full")
          .doesNotContain("allowPublicKeyRetrieval");
    }
    if (service == SpringService.OUTBOX_RELAY) {
      Map<String, String> debezium =
          Binder.get(environment)
              .bind("reservas.relay.engine.debezium", Bindable.mapOf(String.class, String.class))
              .orElse(Map.of());
      assertThat(debezium).containsEntry("database.ssl.mode", "verify_identity");
      assertThat(debezium).containsKey("database.ssl.truststore.password");
    }
  }
}
