package com.reservas.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.env.ConfigurableEnvironment;

/** docker-compose.yml against the services' own configuration files and the other containers. */
class ComposeFileTest {

  private static final ComposeFile COMPOSE = ComposeFile.load();

  private static final String DOCKERFILE = "deploy/docker/service.Dockerfile";

  private static final Map<String, String> STAND_INS =
      Map.of(
          "stripe-stand-in", "com.reservas.stripe.standin.StripeStandIn",
          "supplier-simulator", "com.reservas.supplier.simulator.SupplierSimulator");

  @Test
  void runsTheWholePlatform() {
    Set<String> expected = new HashSet<>(Set.of("mysql", "kafka", "schema-registry", "prometheus"));
    expected.addAll(STAND_INS.keySet());
    for (SpringService service : SpringService.values()) {
      expected.add(service.module());
    }
    assertThat(COMPOSE.serviceNames()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(COMPOSE.raw()).doesNotContainKey("version"); // obsolete in the Compose spec
  }

  @Test
  void mysqlIs84WithRowBinlogGtidsAndDurableCommits() {
    Map<String, Object> mysql = COMPOSE.service("mysql");
    assertThat(mysql.get("image")).isEqualTo("mysql:8.4");
    List<String> command = Yamls.list(mysql.get("command")).stream().map(String::valueOf).toList();
    assertThat(command)
        .contains(
            "--binlog-format=ROW",
            "--binlog-row-image=FULL",
            "--gtid-mode=ON",
            "--enforce-gtid-consistency=ON",
            "--server-id=1",
            "--sync-binlog=1",
            "--innodb-flush-log-at-trx-commit=1");
    assertThat(command).anyMatch(flag -> flag.startsWith("--log-bin"));
    Map<String, String> environment = COMPOSE.environment("mysql");
    assertThat(environment.get("MYSQL_DATABASE")).isEqualTo("reservas");
    assertThat(environment).containsKeys("MYSQL_ROOT_PASSWORD", "MYSQL_USER", "MYSQL_PASSWORD");

    // The relay's user comes from the init script, fed by the container's environment.
    assertThat(Yamls.list(mysql.get("volumes")))
        .contains("./deploy/mysql/initdb:/docker-entrypoint-initdb.d:ro");
    String script = Repository.read("deploy/mysql/initdb/10-relay-user.sh");
    assertThat(script)
        .contains("${RELAY_DB_PASSWORD}", "${RELAY_DB_USER:-relay}", "${MYSQL_DATABASE}")
        .contains("REPLICATION SLAVE", "REPLICATION CLIENT", "GRANT CREATE, INSERT, DELETE");
    assertThat(environment).containsKeys("RELAY_DB_USER", "RELAY_DB_PASSWORD");
  }

  @Test
  void kafkaIsASingleKraftNodeOfTheApacheImage() {
    Map<String, Object> kafka = COMPOSE.service("kafka");
    assertThat(String.valueOf(kafka.get("image"))).startsWith("apache/kafka:4.");
    Map<String, String> environment = COMPOSE.environment("kafka");
    assertThat(environment.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
    assertThat(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo("1@kafka:9093");
    assertThat(environment.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
    assertThat(environment.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo("1");
    assertThat(advertisedListeners()).contains("kafka:9092");
  }

  @Test
  void schemaRegistryIsConfluentCompatibleOnTheBroker() {
    Map<String, Object> registry = COMPOSE.service("schema-registry");
    assertThat(String.valueOf(registry.get("image")))
        .startsWith("confluentinc/cp-schema-registry:");
    Map<String, String> environment = COMPOSE.environment("schema-registry");
    assertThat(environment.get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS"))
        .isEqualTo("PLAINTEXT://kafka:9092");
    assertThat(environment.get("SCHEMA_REGISTRY_LISTENERS")).isEqualTo("http://0.0.0.0:8081");
    assertThat(environment.get("SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL"))
        .isEqualTo("backward_transitive");
  }

  @Test
  void projectImagesAreBuiltFromTheRepositoryWithTheOneDockerfile() {
    assertThat(Files.isRegularFile(Repository.path(DOCKERFILE))).isTrue();
    for (SpringService service : SpringService.values()) {
      Map<String, Object> build = Yamls.map(COMPOSE.service(service.module()).get("build"));
      assertThat(build.get("context")).as(service.module()).isEqualTo(".");
      assertThat(build.get("dockerfile")).as(service.module()).isEqualTo(DOCKERFILE);
      assertThat(build.get("target")).as(service.module()).isEqualTo("service");
      assertThat(Yamls.map(build.get("args"))).containsEntry("MODULE", service.module());
      assertThat(String.valueOf(COMPOSE.service(service.module()).get("image")))
          .startsWith("reservas/" + service.module() + ":");
      // The Boot jar the Dockerfile picks up is repackaged by the module.
      assertThat(Repository.read(service.module() + "/pom.xml"))
          .contains("spring-boot-maven-plugin");
      assertThat(Repository.read(service.mainClassSource()))
          .contains("\"" + service.configName() + "\"");
    }
    STAND_INS.forEach(
        (name, mainClass) -> {
          Map<String, Object> build = Yamls.map(COMPOSE.service(name).get("build"));
          assertThat(build.get("dockerfile")).as(name).isEqualTo(DOCKERFILE);
          assertThat(build.get("target")).as(name).isEqualTo("standin");
          Map<String, Object> args = Yamls.map(build.get("args"));
          assertThat(args).containsEntry("MODULE", name).containsEntry("MAIN_CLASS", mainClass);
          String source =
              "harness/" + name + "/src/main/java/" + mainClass.replace('.', '/') + ".java";
          assertThat(Repository.read(source)).contains("public static void main(String[] args)");
        });
    assertThat(Repository.read("pom.xml")).contains("<boot.classifier>exec</boot.classifier>");
  }

  @Test
  void everyServiceHasAHealthCheckAndWaitsForHealthyDependencies() {
    for (String name : COMPOSE.serviceNames()) {
      assertThat(COMPOSE.healthcheck(name)).as("healthcheck of " + name).isNotBlank();
      COMPOSE
          .dependsOn(name)
          .forEach(
              (dependency, condition) -> {
                assertThat(condition).as(name + " -> " + dependency).isEqualTo("service_healthy");
                assertThat(COMPOSE.serviceNames()).contains(dependency);
              });
    }
    assertThat(startOrder()).as("depends_on has no cycle").hasSameSizeAs(COMPOSE.serviceNames());
  }

  @Test
  void migrationsRunBeforeTheServicesThatNeedTheSchema() {
    // The API runs Flyway on start and is healthy only afterwards.
    assertThat(COMPOSE.dependsOn("reservation-api")).containsKeys("mysql", "schema-registry");
    assertThat(COMPOSE.dependsOn("outbox-relay")).containsKeys("reservation-api", "mysql", "kafka");
    assertThat(COMPOSE.dependsOn("status-projector"))
        .containsKeys("reservation-api", "outbox-relay");
    // The relay creates the topics (6 partitions) before it is ready.
    assertThat(COMPOSE.dependsOn("payment-consumer"))
        .containsKeys("outbox-relay", "stripe-stand-in");
    assertThat(COMPOSE.dependsOn("provider-consumer"))
        .containsKeys("outbox-relay", "supplier-simulator");
    // The projector never migrates.
    assertThat(
            ServiceConfiguration.of(SpringService.STATUS_PROJECTOR)
                .environment(Map.of())
                .getProperty("spring.flyway.enabled"))
        .isEqualTo("false");
    List<String> order = startOrder();
    assertThat(order.indexOf("reservation-api")).isLessThan(order.indexOf("outbox-relay"));
  }

  @Test
  void portsArePublishedOnLoopbackOnly() {
    for (String name : COMPOSE.serviceNames()) {
      for (ComposeFile.PublishedPort port : COMPOSE.ports(name)) {
        assertThat(port.hostIp()).as(name + " " + port).isEqualTo("127.0.0.1");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(SpringService.class)
  void springServicePublishesItsServerPortAndIsCheckedOnItsUnpublishedManagementPort(
      SpringService service) {
    ConfigurableEnvironment environment = environmentOf(service);
    int serverPort = Integer.parseInt(environment.getRequiredProperty("server.port"));
    int managementPort =
        Integer.parseInt(environment.getRequiredProperty("management.server.port"));
    assertThat(managementPort).as(service.module()).isNotEqualTo(serverPort);
    assertThat(COMPOSE.ports(service.module()))
        .extracting(ComposeFile.PublishedPort::containerPort)
        .containsExactly(serverPort);
    assertThat(COMPOSE.healthcheck(service.module()))
        .contains("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
    assertThat(environment.getProperty("management.endpoint.health.probes.enabled"))
        .isEqualTo("true");
  }

  @Test
  void prometheusScrapesEveryServiceOnItsManagementPortWithTheMetricsCredential() {
    Map<String, Object> config = Yamls.loadMap(Repository.path("deploy/prometheus/prometheus.yml"));
    Map<String, Object> job = Yamls.map(Yamls.list(config.get("scrape_configs")).get(0));
    assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
    Map<String, Object> authorization = Yamls.map(job.get("authorization"));
    assertThat(authorization.get("type")).isEqualTo("Bearer");
    String credentialsFile = String.valueOf(authorization.get("credentials_file"));
    List<Object> targets =
        Yamls.list(Yamls.map(Yamls.list(job.get("static_configs")).get(0)).get("targets"));
    List<String> expected = new ArrayList<>();
    for (SpringService service : SpringService.values()) {
      ConfigurableEnvironment environment = environmentOf(service);
      expected.add(
          service.module() + ":" + environment.getRequiredProperty("management.server.port"));
      assertThat(environment.getProperty("reservas.operator.metrics-token"))
          .as(service.module() + " gets the metrics credential Prometheus sends")
          .isEqualTo(COMPOSE.environment("prometheus").get("RESERVAS_METRICS_TOKEN"));
    }
    assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
    Map<String, Object> prometheus = COMPOSE.service("prometheus");
    assertThat(
            String.join(
                " ",
                Yamls.list(prometheus.get("entrypoint")).stream().map(String::valueOf).toList()))
        .contains("\"$RESERVAS_METRICS_TOKEN\" > " + credentialsFile)
        .contains("--config.file=/etc/prometheus/prometheus.yml");
    assertThat(Yamls.list(prometheus.get("volumes")))
        .contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
  }

  @ParameterizedTest
  @EnumSource(SpringService.class)
  void everyEnvironmentVariableSetsAPropertyTheServiceHas(SpringService service) {
    ServiceConfiguration configuration = ServiceConfiguration.of(service);
    Map<String, String> unknown = new LinkedHashMap<>();
    COMPOSE
        .environment(service.module())
        .keySet()
        .forEach(
            variable -> {
              if (configuration.target(variable).isEmpty()) {
                unknown.put(variable, "sets nothing in " + service.configName() + ".yml");
              }
            });
    assertThat(unknown).isEmpty();
  }

  @Test
  void relayReadsTheMysqlBinlogWithItsOwnUser() {
    ConfigurableEnvironment relay = environmentOf(SpringService.OUTBOX_RELAY);
    Map<String, String> mysql = COMPOSE.environment("mysql");
    assertThat(relay.getProperty("reservas.relay.connector")).isEqualTo("mysql");
    assertThat(relay.getProperty("reservas.relay.database.host")).isEqualTo("mysql");
    assertThat(relay.getProperty("reservas.relay.database.port")).isEqualTo("3306");
    assertThat(relay.getProperty("reservas.relay.database.name"))
        .isEqualTo(mysql.get("MYSQL_DATABASE"));
    assertThat(relay.getProperty("reservas.relay.database.user"))
        .isEqualTo(mysql.get("RELAY_DB_USER"));
    assertThat(relay.getProperty("reservas.relay.database.password"))
        .isEqualTo(mysql.get("RELAY_DB_PASSWORD"));
    assertThat(relay.getProperty("reservas.relay.database.server-id")).isNotEqualTo("1");
    assertKafka(relay);
  }

  @Test
  void apiAndProjectorUseTheApplicationDatabaseUser() {
    Map<String, String> mysql = COMPOSE.environment("mysql");
    for (SpringService service :
        List.of(SpringService.RESERVATION_API, SpringService.STATUS_PROJECTOR)) {
      ConfigurableEnvironment environment = environmentOf(service);
      URI r2dbc = URI.create(environment.getProperty("spring.r2dbc.url").replace("r2dbc:", ""));
      assertThat(r2dbc.getHost()).as(service.module()).isEqualTo("mysql");
      assertThat(r2dbc.getPort()).isEqualTo(3306);
      assertThat(r2dbc.getPath()).isEqualTo("/" + mysql.get("MYSQL_DATABASE"));
      assertThat(environment.getProperty("spring.r2dbc.username"))
          .isEqualTo(mysql.get("MYSQL_USER"));
      assertThat(environment.getProperty("spring.r2dbc.password"))
          .isEqualTo(mysql.get("MYSQL_PASSWORD"));
    }
    ConfigurableEnvironment api = environmentOf(SpringService.RESERVATION_API);
    assertThat(api.getProperty("spring.flyway.url"))
        .startsWith("jdbc:mariadb://mysql:3306/reservas");
    assertThat(api.getProperty("spring.flyway.user")).isEqualTo(mysql.get("MYSQL_USER"));
    assertThat(api.getProperty("spring.flyway.password")).isEqualTo(mysql.get("MYSQL_PASSWORD"));
  }

  @Test
  void kafkaClientsUseTheBrokerAndTheSchemaRegistry() {
    String registry = "http://schema-registry:" + registryPort();
    for (SpringService service : SpringService.values()) {
      ConfigurableEnvironment environment = environmentOf(service);
      if (service != SpringService.RESERVATION_API) {
        assertKafka(environment);
      }
      if (service != SpringService.OUTBOX_RELAY) {
        assertThat(environment.getProperty("reservas.schema-registry.url"))
            .as(service.module())
            .isEqualTo(registry);
      }
    }
    // The projector's Avro serde, like the consumers', gets the URL from consumer-support, which
    // reads reservas.schema-registry.url (checked above for every service).
  }

  @Test
  void consumersCallTheStandInsOnTheirPorts() {
    ConfigurableEnvironment payment = environmentOf(SpringService.PAYMENT_CONSUMER);
    URI stripe = URI.create(payment.getProperty("reservas.stripe.api-base"));
    assertThat(stripe.getHost()).isEqualTo("stripe-stand-in");
    assertThat(String.valueOf(stripe.getPort()))
        .isEqualTo(COMPOSE.environment("stripe-stand-in").get("STRIPE_STAND_IN_PORT"));
    assertThat(payment.getProperty("reservas.stripe.secret-key")).startsWith("sk_test_");

    ConfigurableEnvironment provider = environmentOf(SpringService.PROVIDER_CONSUMER);
    URI supplier = URI.create(provider.getProperty("reservas.supplier.base-url"));
    assertThat(supplier.getHost()).isEqualTo("supplier-simulator");
    assertThat(String.valueOf(supplier.getPort()))
        .isEqualTo(COMPOSE.environment("supplier-simulator").get("SUPPLIER_SIMULATOR_PORT"));
  }

  @Test
  void standInsListenOnAllInterfacesAndAreCheckedOnTheirHealthEndpoints() {
    Map<String, String> stripe = COMPOSE.environment("stripe-stand-in");
    assertThat(stripe.get("STRIPE_STAND_IN_HOST")).isEqualTo("0.0.0.0");
    assertThat(COMPOSE.ports("stripe-stand-in"))
        .extracting(ComposeFile.PublishedPort::containerPort)
        .containsExactly(Integer.parseInt(stripe.get("STRIPE_STAND_IN_PORT")));
    assertThat(COMPOSE.healthcheck("stripe-stand-in"))
        .contains(":" + stripe.get("STRIPE_STAND_IN_PORT") + "/__admin/health");
    String stripeSources =
        Repository.read(
                "harness/stripe-stand-in/src/main/java/com/reservas/stripe/standin/StripeStandIn.java")
            + Repository.read(
                "harness/stripe-stand-in/src/main/java/com/reservas/stripe/standin/AdminHttpHandler.java");
    assertThat(stripeSources)
        .contains(
            "\"STRIPE_STAND_IN_HOST\"", "\"STRIPE_STAND_IN_PORT\"", "\"/__admin\"", "\"/health\"");

    Map<String, String> supplier = COMPOSE.environment("supplier-simulator");
    assertThat(supplier.get("SUPPLIER_SIMULATOR_HOST")).isEqualTo("0.0.0.0");
    assertThat(COMPOSE.ports("supplier-simulator"))
        .extracting(ComposeFile.PublishedPort::containerPort)
        .containsExactly(Integer.parseInt(supplier.get("SUPPLIER_SIMULATOR_PORT")));
    assertThat(COMPOSE.healthcheck("supplier-simulator"))
        .contains(":" + supplier.get("SUPPLIER_SIMULATOR_PORT") + "/admin/health");
    String supplierSources =
        Repository.read(
                "harness/supplier-simulator/src/main/java/com/reservas/supplier/simulator/SimulatorEnvironment.java")
            + Repository.read(
                "harness/supplier-simulator/src/main/java/com/reservas/supplier/simulator/http/AdminRoutes.java");
    assertThat(supplierSources)
        .contains(
            "\"SUPPLIER_SIMULATOR_HOST\"", "\"SUPPLIER_SIMULATOR_PORT\"", "\"/admin/health\"");
  }

  @Test
  void everyVariableHasADefaultListedInTheEnvExample() throws Exception {
    Properties example = new Properties();
    try (var reader = Files.newBufferedReader(Repository.path("deploy/.env.example"))) {
      example.load(reader);
    }
    for (ComposeFile.Variable variable : COMPOSE.variables()) {
      assertThat(variable.operator()).as("${%s} needs a default", variable.name()).isEqualTo(":-");
      assertThat(example.getProperty(variable.name()))
          .as("%s in deploy/.env.example", variable.name())
          .isEqualTo(variable.defaultValue());
    }
    for (String name : example.stringPropertyNames()) {
      assertThat(COMPOSE.variables()).as(name + " is used").anyMatch(v -> v.name().equals(name));
      assertThat(example.getProperty(name)).doesNotContain("sk_live_", "rk_live_");
    }
    for (String secret :
        List.of(
            "RESERVAS_DB_ROOT_PASSWORD",
            "RESERVAS_DB_PASSWORD",
            "RESERVAS_RELAY_DB_PASSWORD",
            "RESERVAS_API_KEY_PEPPER",
            "RESERVAS_METRICS_TOKEN",
            "RESERVAS_KEY_ADMINISTRATION_TOKEN",
            "RESERVAS_OPERATIONS_TOKEN",
            "STRIPE_SECRET_KEY")) {
      assertThat(example.getProperty(secret)).as(secret).matches(Placeholders.PLACEHOLDER);
    }
  }

  @Test
  void namedVolumesKeepTheData() {
    assertThat(COMPOSE.volumes()).containsKeys("mysql-data", "kafka-data");
    assertThat(Yamls.list(COMPOSE.service("mysql").get("volumes")))
        .contains("mysql-data:/var/lib/mysql");
    assertThat(Yamls.list(COMPOSE.service("kafka").get("volumes")))
        .contains("kafka-data:" + COMPOSE.environment("kafka").get("KAFKA_LOG_DIRS"));
  }

  private static ConfigurableEnvironment environmentOf(SpringService service) {
    return ServiceConfiguration.of(service).environment(COMPOSE.environment(service.module()));
  }

  private static void assertKafka(ConfigurableEnvironment environment) {
    String servers = environment.getProperty("spring.kafka.bootstrap-servers");
    assertThat(servers).isNotBlank();
    for (String server : servers.split(",")) {
      assertThat(advertisedListeners()).contains(server.strip());
    }
  }

  /** host:port of the broker's advertised listeners. */
  private static List<String> advertisedListeners() {
    List<String> result = new ArrayList<>();
    for (String listener :
        COMPOSE.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
      result.add(listener.substring(listener.indexOf("://") + 3));
    }
    return result;
  }

  private static int registryPort() {
    return URI.create(COMPOSE.environment("schema-registry").get("SCHEMA_REGISTRY_LISTENERS"))
        .getPort();
  }

  /** A topological order of depends_on (shorter than the services if there is a cycle). */
  private static List<String> startOrder() {
    List<String> order = new ArrayList<>();
    Map<String, Integer> waiting = new LinkedHashMap<>();
    for (String name : COMPOSE.serviceNames()) {
      waiting.put(name, COMPOSE.dependsOn(name).size());
    }
    Deque<String> ready = new ArrayDeque<>();
    waiting.forEach(
        (name, count) -> {
          if (count == 0) {
            ready.add(name);
          }
        });
    while (!ready.isEmpty()) {
      String started = ready.poll();
      order.add(started);
      for (String name : COMPOSE.serviceNames()) {
        if (COMPOSE.dependsOn(name).containsKey(started)
            && waiting.merge(name, -1, Integer::sum) == 0) {
          ready.add(name);
        }
      }
    }
    return order;
  }
}
