package com.reservas.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Every service's own configuration (as its jar ships it, no deployment variables): the actuator on
 * a management port of its own, health details for operators only, operator credentials per
 * purpose, client addresses never taken from headers by the server itself.
 */
class OperatorSurfaceTest {

  @ParameterizedTest
  @EnumSource(SpringService.class)
  void theActuatorHasItsOwnPortAndShowsHealthDetailsToOperatorsOnly(SpringService service) {
    ConfigurableEnvironment environment = ServiceConfiguration.of(service).environment(Map.of());
    assertThat(environment.getProperty("management.server.port"))
        .as(service.module())
        .isNotBlank()
        .isNotEqualTo(environment.getProperty("server.port"));
    assertThat(environment.getProperty("management.endpoint.health.show-details"))
        .as(service.module())
        .isEqualTo("when-authorized");
    assertThat(environment.getProperty("management.endpoint.health.show-components"))
        .as(service.module())
        .isEqualTo("when-authorized");
    assertThat(environment.getProperty("management.endpoint.health.roles")).isEqualTo("OPERATIONS");
  }

  @ParameterizedTest
  @EnumSource(SpringService.class)
  void operatorCredentialsArePerPurposeAndBlankUntilDeployed(SpringService service) {
    ServiceConfiguration configuration = ServiceConfiguration.of(service);
    ConfigurableEnvironment environment = configuration.environment(Map.of());
    assertThat(environment.getProperty("reservas.operator.metrics-token")).isEmpty();
    assertThat(environment.getProperty("reservas.operator.operations-token")).isEmpty();
    assertThat(configuration.keys())
        .as(service.module() + ": the single admin tokens are gone")
        .doesNotContain(
            "reservas.security.admin-token",
            "reservas.consumer.dead-letter.admin-token",
            "reservas.projector.admin-token");
  }

  @ParameterizedTest
  @EnumSource(SpringService.class)
  void theServerNeverTakesTheClientAddressFromHeaders(SpringService service) {
    assertThat(
            ServiceConfiguration.of(service)
                .environment(Map.of())
                .getProperty("server.forward-headers-strategy"))
        .as(service.module() + " (Spring Boot turns it on by itself on Kubernetes)")
        .isEqualTo("none");
  }

  @Test
  void kubernetesPrometheusUsesTheMetricsCredentialOfTheOperatorSecret() {
    List<Object> jobs =
        Yamls.list(
            new org.yaml.snakeyaml.Yaml()
                .load(Repository.read("deploy/prometheus/kubernetes-scrape-config.yaml")));
    Map<String, Object> job = Yamls.map(jobs.get(0));
    Map<String, Object> authorization = Yamls.map(job.get("authorization"));
    assertThat(authorization.get("type")).isEqualTo("Bearer");
    assertThat(String.valueOf(authorization.get("credentials_file")))
        .endsWith("/reservas-operator-credentials/metrics-token");
    assertThat(String.valueOf(job.get("relabel_configs")))
        .contains("__meta_kubernetes_pod_annotation_prometheus_io_port")
        .contains("__meta_kubernetes_pod_annotation_prometheus_io_scheme");
    Map<String, Object> secret = Manifests.base().get("Secret", "reservas-operator-credentials");
    assertThat(Yamls.at(secret, "stringData"))
        .containsKeys("metrics-token", "key-administration-token", "operations-token");
  }
}
