package com.reservas.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.ssl.PemSslBundleProperties;
import org.springframework.boot.autoconfigure.ssl.SslProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.Ssl;
import org.springframework.core.env.ConfigurableEnvironment;

/** deploy/k8s: the base and the prod overlay, rendered, against the services' configuration. */
class KubernetesManifestsTest {

  /** Partitions of the topics the consumers read (created by the relay). */
  private static final int PARTITIONS = 6;

  private static final List<SpringService> CONSUMERS =
      List.of(
          SpringService.PAYMENT_CONSUMER,
          SpringService.PROVIDER_CONSUMER,
          SpringService.STATUS_PROJECTOR,
          SpringService.NOTIFICATION_DISPATCHER);

  static Stream<Manifests> renderings() {
    return Stream.of(Manifests.base(), Manifests.prod());
  }

  static Stream<Path> kustomizations() {
    return Stream.of(Manifests.BASE, Manifests.PROD);
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void kustomizationListsEveryFileOfItsDirectoryAndOnlyExistingOnes(Path directory)
      throws IOException {
    Set<Path> referenced = Kustomize.referencedPaths(directory);
    for (Path path : referenced) {
      assertThat(path).as("referenced by " + directory).exists();
      if (Files.isDirectory(path)) {
        assertThat(path.resolve("kustomization.yaml")).exists();
      }
    }
    Set<Path> files = new HashSet<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
          .forEach(files::add);
    }
    Set<Path> referencedFiles = new HashSet<>(referenced);
    referencedFiles.removeIf(Files::isDirectory);
    assertThat(files)
        .as("files in " + directory)
        .containsExactlyInAnyOrderElementsOf(referencedFiles);
  }

  @ParameterizedTest
  @MethodSource("renderings")
  void everyResourceMatchesTheKubernetesApiTypes(Manifests manifests) {
    List<String> problems = new ArrayList<>();
    manifests.all().forEach(resource -> problems.addAll(KubernetesTypes.problems(resource)));
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("renderings")
  void resourcesAreUniqueAndLiveInTheReservasNamespace(Manifests manifests) {
    Set<String> ids = new HashSet<>();
    for (Map<String, Object> resource : manifests.all()) {
      String id = resource.get("kind") + "/" + Manifests.name(resource);
      assertThat(ids.add(id)).as("duplicate " + id).isTrue();
      if (!"Namespace".equals(resource.get("kind"))) {
        assertThat(Yamls.at(resource, "metadata").get("namespace")).as(id).isEqualTo("reservas");
      }
    }
    assertThat(manifests.find("Namespace", "reservas")).isPresent();
  }

  @ParameterizedTest
  @MethodSource("renderings")
  void everyServiceHasADeploymentAndAServiceSelectingIt(Manifests manifests) {
    for (SpringService service : SpringService.values()) {
      Map<String, Object> deployment = manifests.get("Deployment", service.module());
      Map<String, Object> podLabels =
          Yamls.at(deployment, "spec", "template", "metadata", "labels");
      assertThat(podLabels)
          .containsAllEntriesOf(Yamls.at(deployment, "spec", "selector", "matchLabels"));
      Map<String, Object> container = Manifests.container(deployment);
      assertThat(String.valueOf(container.get("image")))
          .contains("reservas/" + service.module() + ":");

      Map<String, Object> k8sService = manifests.get("Service", service.module());
      assertThat(podLabels).containsAllEntriesOf(Yamls.at(k8sService, "spec", "selector"));
      for (Object entry : Yamls.list(Yamls.at(k8sService, "spec").get("ports"))) {
        Object targetPort = Yamls.map(entry).get("targetPort");
        assertThat(Manifests.containerPort(container, targetPort)).isPositive();
      }
    }
    assertThat(manifests.ofKind("Deployment")).hasSize(SpringService.values().length);
  }

  @ParameterizedTest
  @MethodSource("renderings")
  void probesAndContainerPortFollowTheEffectiveServerPort(Manifests manifests) {
    for (SpringService service : SpringService.values()) {
      Map<String, Object> container =
          Manifests.container(manifests.get("Deployment", service.module()));
      ConfigurableEnvironment environment =
          ServiceConfiguration.of(service).environment(manifests.environment(container));
      int serverPort = Integer.parseInt(environment.getRequiredProperty("server.port"));
      int managementPort =
          Integer.parseInt(environment.getRequiredProperty("management.server.port"));
      assertThat(managementPort).as(service.module()).isNotEqualTo(serverPort);
      // The management server serves TLS with the main server's bundle (Spring Boot's default).
      boolean tls = !environment.getProperty("server.ssl.bundle", "").isBlank();
      assertThat(Yamls.list(container.get("ports"))).as(service.module()).hasSize(2);
      Map<String, Object> port = Yamls.map(Yamls.list(container.get("ports")).get(0));
      assertThat(port.get("containerPort")).as(service.module()).isEqualTo(serverPort);
      assertThat(Manifests.containerPort(container, "management"))
          .as(service.module())
          .isEqualTo(managementPort);
      Map<String, Object> annotations =
          Yamls.at(
              manifests.get("Deployment", service.module()),
              "spec",
              "template",
              "metadata",
              "annotations");
      assertThat(annotations.get("prometheus.io/port"))
          .as(service.module() + " is scraped on its management port")
          .isEqualTo(String.valueOf(managementPort));
      assertThat(annotations.getOrDefault("prometheus.io/scheme", "http"))
          .isEqualTo(tls ? "https" : "http");
      for (Object entry :
          Yamls.list(Yamls.at(manifests.get("Service", service.module()), "spec").get("ports"))) {
        assertThat(Manifests.containerPort(container, Yamls.map(entry).get("targetPort")))
            .as(service.module() + ": no Service exposes the management port")
            .isNotEqualTo(managementPort);
      }

      Map<String, String> paths =
          Map.of(
              "readinessProbe", "/actuator/health/readiness",
              "livenessProbe", "/actuator/health/liveness",
              "startupProbe", "/actuator/health/liveness");
      paths.forEach(
          (probe, path) -> {
            Map<String, Object> httpGet = Yamls.at(container, probe, "httpGet");
            assertThat(httpGet.get("path")).as(service.module() + " " + probe).isEqualTo(path);
            assertThat(Manifests.containerPort(container, httpGet.get("port")))
                .as(service.module() + " " + probe)
                .isEqualTo(managementPort);
            assertThat(httpGet.getOrDefault("scheme", "HTTP"))
                .as(service.module() + " " + probe)
                .isEqualTo(tls ? "HTTPS" : "HTTP");
          });
      assertThat(environment.getProperty("management.endpoint.health.probes.enabled"))
          .isEqualTo("true");
      if ("true".equals(environment.getProperty("reservas.tls.required"))) {
        assertThat(tls).as(service.module() + " requires TLS").isTrue();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("renderings")
  void everyContainerHasRequestsAndLimits(Manifests manifests) {
    for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
      Map<String, Object> resources = Yamls.map(Manifests.container(deployment).get("resources"));
      for (String kind : List.of("requests", "limits")) {
        assertThat(Yamls.map(resources.get(kind)))
            .as(Manifests.name(deployment) + " " + kind)
            .containsKeys("cpu", "memory");
      }
      assertThat(mebibytes(Yamls.at(resources, "requests").get("memory")))
          .isLessThanOrEqualTo(mebibytes(Yamls.at(resources, "limits").get("memory")));
    }
  }

  @ParameterizedTest
  @MethodSource("renderings")
  void podsRunUnprivilegedWithAReadOnlyRoot(Manifests manifests) {
    for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
      String name = Manifests.name(deployment);
      Map<String, Object> pod = Manifests.podSpec(deployment);
      assertThat(Yamls.map(pod.get("securityContext")))
          .as(name)
          .containsEntry("runAsNonRoot", true)
          .containsEntry("runAsUser", 10001);
      Map<String, Object> container = Manifests.container(deployment);
      Map<String, Object> security = Yamls.map(container.get("securityContext"));
      assertThat(security)
          .as(name)
          .containsEntry("allowPrivilegeEscalation", false)
          .containsEntry("readOnlyRootFilesystem", true);
      assertThat(Yamls.at(security, "capabilities").get("drop")).isEqualTo(List.of("ALL"));
      // A read-only root still needs a writable /tmp (Netty's native libraries, JVM temp files).
      Map<String, Object> tmp =
          Yamls.list(container.get("volumeMounts")).stream()
              .map(Yamls::map)
              .filter(m -> "/tmp".equals(m.get("mountPath")))
              .findFirst()
              .orElseThrow(() -> new AssertionError(name + " mounts no /tmp"));
      assertThat(
              Yamls.list(pod.get("volumes")).stream()
                  .map(Yamls::map)
                  .filter(v -> tmp.get("name").equals(v.get("name")))
                  .anyMatch(v -> v.containsKey("emptyDir")))
          .as(name + " /tmp is an emptyDir")
          .isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("renderings")
  void everyEnvironmentVariableSetsAPropertyTheServiceHas(Manifests manifests) {
    Map<String, String> unknown = new LinkedHashMap<>();
    for (SpringService service : SpringService.values()) {
      ServiceConfiguration configuration = ServiceConfiguration.of(service);
      Map<String, Object> container =
          Manifests.container(manifests.get("Deployment", service.module()));
      for (String variable : manifests.environment(container).keySet()) {
        if (configuration.target(variable).isEmpty()) {
          unknown.put(service.module() + " " + variable, "sets nothing");
        }
      }
    }
    assertThat(unknown).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("renderings")
  void configValuesAreStringsAndReferencesResolve(Manifests manifests) {
    for (Map<String, Object> configMap : manifests.ofKind("ConfigMap")) {
      Yamls.at(configMap, "data")
          .forEach(
              (key, value) ->
                  assertThat(value)
                      .as(Manifests.name(configMap) + " " + key)
                      .isInstanceOf(String.class));
    }
    for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
      Map<String, Object> container = Manifests.container(deployment);
      for (Object entry : Yamls.list(container.get("envFrom"))) {
        String configMap = String.valueOf(Yamls.at(Yamls.map(entry), "configMapRef").get("name"));
        assertThat(manifests.find("ConfigMap", configMap)).as(configMap).isPresent();
      }
      for (Object entry : Yamls.list(container.get("env"))) {
        Map<String, Object> variable = Yamls.map(entry);
        if (variable.containsKey("value")) {
          assertThat(variable.get("value"))
              .as(String.valueOf(variable.get("name")))
              .isInstanceOf(String.class);
        }
      }
    }
  }

  @Test
  void baseSecretsAreTemplatesWithPlaceholdersThatDeploymentsReference() {
    Manifests base = Manifests.base();
    for (Map<String, Object> secret : base.ofKind("Secret")) {
      Map<String, String> values = new LinkedHashMap<>();
      Yamls.at(secret, "stringData").forEach((key, value) -> values.put(key, Yamls.text(value)));
      Yamls.at(secret, "data")
          .forEach(
              (key, value) ->
                  values.put(
                      key,
                      new String(
                          Base64.getDecoder().decode(String.valueOf(value)),
                          StandardCharsets.UTF_8)));
      assertThat(values).as(Manifests.name(secret)).isNotEmpty();
      values.forEach(
          (key, value) ->
              assertThat(value)
                  .as(Manifests.name(secret) + " " + key)
                  .matches(Placeholders.PLACEHOLDER));
    }
    for (Map<String, Object> deployment : base.ofKind("Deployment")) {
      for (Map.Entry<String, String> ref : secretReferences(deployment).entrySet()) {
        Map<String, Object> secret = base.get("Secret", ref.getKey().split("/")[0]);
        assertThat(Yamls.at(secret, "stringData")).as(ref.getKey()).containsKey(ref.getValue());
      }
    }
  }

  @Test
  void prodNeverRunsWithTheTemplatesAndTheReadmeTellsWhichSecretsToCreate() {
    Manifests prod = Manifests.prod();
    assertThat(prod.ofKind("Secret")).isEmpty();
    String readme = Repository.read("deploy/README.md");
    for (Map<String, Object> deployment : prod.ofKind("Deployment")) {
      secretReferences(deployment)
          .forEach(
              (secret, key) -> {
                assertThat(readme).contains(secret.split("/")[0]);
                assertThat(readme).contains(key);
              });
    }
    assertThat(readme).contains("reservation-api-tls");
  }

  @Test
  void noLiveKeyAnywhereUnderDeploy() throws IOException {
    try (Stream<Path> files = Files.walk(Repository.path("deploy"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Placeholders.LIVE_KEY.matcher(Repository.read(file)).find())
            .as(file.toString())
            .isFalse();
      }
    }
    assertThat(Placeholders.LIVE_KEY.matcher(Repository.read("docker-compose.yml")).find())
        .isFalse();
  }

  @ParameterizedTest
  @MethodSource("renderings")
  void relayIsOneReplicaRecreatedAndNeverAutoscaled(Manifests manifests) {
    Map<String, Object> relay = manifests.get("Deployment", SpringService.OUTBOX_RELAY.module());
    assertThat(Yamls.at(relay, "spec").get("replicas")).isEqualTo(1);
    assertThat(Yamls.at(relay, "spec", "strategy").get("type")).isEqualTo("Recreate");
    assertThat(manifests.ofKind("HorizontalPodAutoscaler"))
        .noneMatch(
            hpa -> "outbox-relay".equals(Yamls.at(hpa, "spec", "scaleTargetRef").get("name")));
    ConfigurableEnvironment environment =
        ServiceConfiguration.of(SpringService.OUTBOX_RELAY)
            .environment(manifests.environment(Manifests.container(relay)));
    assertThat(environment.getProperty("reservas.relay.connector")).isEqualTo("mysql");
    assertThat(Repository.read("deploy/k8s/base/outbox-relay.yaml"))
        .contains(
            "ONE replica",
            "waits as a standby for the relay's lease",
            "Recreate, not RollingUpdate");
  }

  @ParameterizedTest
  @MethodSource("renderings")
  void consumersScaleOnTheirOwnUpToThePartitionCount(Manifests manifests) {
    assertThat(
            Repository.read(
                "outbox-relay/src/main/java/com/reservas/relay/config/RelayProperties.java"))
        .contains("@DefaultValue(\"" + PARTITIONS + "\") int partitions");
    for (SpringService consumer : CONSUMERS) {
      Map<String, Object> deployment = manifests.get("Deployment", consumer.module());
      Optional<Map<String, Object>> hpa =
          manifests.find("HorizontalPodAutoscaler", consumer.module());
      Optional<Map<String, Object>> scaledObject =
          manifests.find("ScaledObject", consumer.module());
      assertThat(hpa.isPresent() != scaledObject.isPresent())
          .as(consumer.module() + ": exactly one autoscaler (a CPU HPA or a KEDA ScaledObject)")
          .isTrue();
      Map<String, Object> autoscaler = hpa.orElseGet(scaledObject::get);
      Map<String, Object> spec = Yamls.at(autoscaler, "spec");
      assertThat(Yamls.at(autoscaler, "spec", "scaleTargetRef"))
          .containsEntry("kind", "Deployment")
          .containsEntry("name", consumer.module());
      int min = (Integer) spec.get(hpa.isPresent() ? "minReplicas" : "minReplicaCount");
      int max = (Integer) spec.get(hpa.isPresent() ? "maxReplicas" : "maxReplicaCount");
      int replicas = (Integer) Yamls.at(deployment, "spec").get("replicas");
      assertThat(min).as(consumer.module()).isBetween(1, max);
      assertThat(max).as(consumer.module()).isLessThanOrEqualTo(PARTITIONS);

      ConfigurableEnvironment environment =
          ServiceConfiguration.of(consumer)
              .environment(manifests.environment(Manifests.container(deployment)));
      int concurrency =
          Integer.parseInt(environment.getRequiredProperty("spring.kafka.listener.concurrency"));
      assertThat(max * concurrency)
          .as(consumer.module() + " consumers at most")
          .isLessThanOrEqualTo(PARTITIONS);
      if (hpa.isPresent()) {
        assertThat(autoscaler.get("apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(replicas).as(consumer.module()).isBetween(min, max);
        Map<String, Object> metric = Yamls.map(Yamls.list(spec.get("metrics")).get(0));
        assertThat(Yamls.at(metric, "resource").get("name")).isEqualTo("cpu");
      } else {
        // KEDA's Kafka scaler reads the lag of the group the service really consumes with.
        Map<String, Object> trigger = Yamls.map(Yamls.list(spec.get("triggers")).get(0));
        assertThat(trigger.get("type")).isEqualTo("kafka");
        assertThat(Yamls.at(trigger, "metadata"))
            .containsEntry(
                "bootstrapServers",
                environment.getRequiredProperty("spring.kafka.bootstrap-servers"))
            .containsEntry(
                "consumerGroup", environment.getRequiredProperty("reservas.consumer.group-id"))
            .containsEntry(
                "topic", environment.getRequiredProperty("reservas.consumer.input-topic"))
            .containsEntry("allowIdleConsumers", "false")
            .containsKey("lagThreshold");
      }
    }
    assertThat(
            manifests.ofKind("HorizontalPodAutoscaler").size()
                + manifests.ofKind("ScaledObject").size())
        .isEqualTo(CONSUMERS.size());
  }

  @Test
  void prodScalesThePaymentAndProviderConsumersOnConsumerLagWithKeda() {
    Manifests prod = Manifests.prod();
    for (SpringService consumer :
        List.of(SpringService.PAYMENT_CONSUMER, SpringService.PROVIDER_CONSUMER)) {
      assertThat(prod.find("ScaledObject", consumer.module())).as(consumer.module()).isPresent();
      assertThat(prod.find("HorizontalPodAutoscaler", consumer.module()))
          .as(consumer.module() + ": KEDA owns the replicas, no second autoscaler")
          .isEmpty();
    }
    assertThat(Manifests.base().ofKind("ScaledObject")).as("KEDA is a production choice").isEmpty();
  }

  @Test
  void prodServesTlsFromTheMountedCertificate() {
    Manifests prod = Manifests.prod();
    Map<String, Object> deployment = prod.get("Deployment", SpringService.RESERVATION_API.module());
    Map<String, Object> container = Manifests.container(deployment);
    Map<String, String> variables = prod.environment(container);
    ServiceConfiguration api = ServiceConfiguration.of(SpringService.RESERVATION_API);
    assertThat(api.knownProfiles(variables)).containsExactly("prod");
    ConfigurableEnvironment environment = api.environment(variables);
    assertThat(environment.getProperty("reservas.tls.required")).isEqualTo("true");
    assertThat(environment.getProperty("server.port")).isEqualTo("8443");

    Binder binder = Binder.get(environment);
    String bundle = binder.bind("server.ssl", Ssl.class).get().getBundle();
    assertThat(bundle).isEqualTo("reservas");
    PemSslBundleProperties pem =
        binder.bind("spring.ssl", SslProperties.class).get().getBundle().getPem().get(bundle);
    assertThat(pem).as("spring.ssl.bundle.pem." + bundle).isNotNull();
    assertThat(pem.isReloadOnUpdate()).isTrue();

    Map<String, Object> mount =
        Yamls.list(container.get("volumeMounts")).stream()
            .map(Yamls::map)
            .filter(m -> "tls".equals(m.get("name")))
            .findFirst()
            .orElseThrow();
    assertThat(mount.get("readOnly")).isEqualTo(true);
    String directory = String.valueOf(mount.get("mountPath"));
    assertThat(pem.getKeystore().getCertificate()).isEqualTo("file:" + directory + "/tls.crt");
    assertThat(pem.getKeystore().getPrivateKey()).isEqualTo("file:" + directory + "/tls.key");
    Map<String, Object> volume =
        Yamls.list(Manifests.podSpec(deployment).get("volumes")).stream()
            .map(Yamls::map)
            .filter(v -> "tls".equals(v.get("name")))
            .findFirst()
            .orElseThrow();
    assertThat(Yamls.at(volume, "secret").get("secretName")).isEqualTo("reservation-api-tls");

    Map<String, Object> service = prod.get("Service", SpringService.RESERVATION_API.module());
    Map<String, Object> port = Yamls.map(Yamls.list(Yamls.at(service, "spec").get("ports")).get(0));
    assertThat(port.get("port")).isEqualTo(443);
    assertThat(Manifests.containerPort(container, port.get("targetPort"))).isEqualTo(8443);
  }

  @Test
  void prodRaisesReplicasAndUsesReleasedImagesFromARegistry() {
    Manifests base = Manifests.base();
    Manifests prod = Manifests.prod();
    for (SpringService service : SpringService.values()) {
      String image =
          String.valueOf(
              Manifests.container(prod.get("Deployment", service.module())).get("image"));
      assertThat(image)
          .as(service.module())
          .contains("/reservas/" + service.module() + ":")
          .doesNotContain("SNAPSHOT");
      if (service != SpringService.OUTBOX_RELAY) {
        assertThat(
                (Integer)
                    Yamls.at(prod.get("Deployment", service.module()), "spec").get("replicas"))
            .isGreaterThan(
                (Integer)
                    Yamls.at(base.get("Deployment", service.module()), "spec").get("replicas"));
      }
    }
    assertThat(prod.ofKind("PodDisruptionBudget"))
        .extracting(Manifests::name)
        .doesNotContain("outbox-relay")
        .contains("reservation-api");
  }

  /** "secret/key" references of the Deployment's env entries. */
  private static Map<String, String> secretReferences(Map<String, Object> deployment) {
    Map<String, String> references = new LinkedHashMap<>();
    for (Object entry : Yamls.list(Manifests.container(deployment).get("env"))) {
      Map<String, Object> secretRef = Yamls.at(Yamls.map(entry), "valueFrom", "secretKeyRef");
      if (!secretRef.isEmpty()) {
        references.put(
            secretRef.get("name") + "/" + secretRef.get("key"),
            String.valueOf(secretRef.get("key")));
      }
    }
    return references;
  }

  private static long mebibytes(Object quantity) {
    String text = String.valueOf(quantity);
    if (text.endsWith("Gi")) {
      return Long.parseLong(text.substring(0, text.length() - 2)) * 1024;
    }
    if (text.endsWith("Mi")) {
      return Long.parseLong(text.substring(0, text.length() - 2));
    }
    throw new IllegalArgumentException("unexpected memory quantity " + text);
  }
}
