package com.reservas.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.relay.engine.RelaySupervisor;
import com.reservas.schemas.Topics;
import com.reservas.testsupport.http.OperatorSurface;
import com.reservas.testsupport.http.OperatorSurface.Route;
import com.reservas.testsupport.http.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as deployed: Spring Boot binds {@code reservas.relay.*}, creates the topics, runs
 * the relay, and serves its health and metrics on the actuator.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + OutboxRelayApplication.CONFIG_NAME,
      // reservation-persistence (test scope only) brings JDBC, Flyway and R2DBC auto-configuration.
      "spring.autoconfigure.exclude="
          + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
          + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
          + "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
      "logging.config=classpath:logback-relay-test.xml",
      "reservas.relay.storage.password=relay-storage",
      "reservas.relay.engine.heartbeat-interval=500ms",
      "reservas.relay.engine.keep-alive-interval=1s",
      "reservas.relay.health.stall-timeout=5s",
      "reservas.relay.topics.retention=3d",
      "management.server.port=0",
      // every spelling probe from one address earns 401s: the failed-authentication limit is tested
      // in the API
      "reservas.rate-limit.enabled=false",
      "reservas.operator.operations-token=" + OutboxRelayApplicationTest.OPERATIONS_TOKEN,
      "reservas.operator.metrics-token=" + OutboxRelayApplicationTest.METRICS_TOKEN
    })
@EmbeddedKafka(
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    brokerProperties = {"auto.create.topics.enable=false"})
class OutboxRelayApplicationTest {

  static final String OPERATIONS_TOKEN = "operations-credential-of-the-relay-tests";
  static final String METRICS_TOKEN = "metrics-credential-of-the-relay-tests-0000";
  private static final ReservationWorld world = new ReservationWorld();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("reservas.relay.database.port", world.database::port);
    registry.add("reservas.relay.database.name", world.database::name);
    registry.add("reservas.relay.database.server-id", RelayHarness::nextServerId);
    registry.add("reservas.relay.engine.name", () -> "app-" + world.database.name());
  }

  @AfterAll
  static void close() {
    world.close();
  }

  @LocalServerPort int port;

  @Value("${local.management.port:${local.server.port}}")
  int managementPort;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrap;

  @Autowired RelaySupervisor relay;

  @Test
  void createsTheTopicsRelaysEventsAndReportsHealthAndMetrics() throws Exception {
    RelayHarness.awaitStreaming(relay);

    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      List<String> topics =
          List.of(Topics.RESERVATIONS, Topics.PAYMENTS, Topics.SUPPLIERS, "outbox.invalid");
      Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
      assertThat(described.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(6));
      Config config =
          admin
              .describeConfigs(
                  List.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.RESERVATIONS)))
              .all()
              .get()
              .values()
              .iterator()
              .next();
      assertThat(config.get("retention.ms").value())
          .isEqualTo(Long.toString(Duration.ofDays(3).toMillis()));
    }

    String code = world.create(null).block();
    try (TopicReader reader = new TopicReader(bootstrap, Topics.RESERVATIONS)) {
      assertThat(
              reader
                  .pollUntil(
                      r -> r.stream().anyMatch(x -> code.equals(x.record().key())),
                      Duration.ofSeconds(30))
                  .stream()
                  .filter(r -> code.equals(r.record().key())))
          .hasSize(1);
    }

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              HttpResponse<String> health =
                  get("/actuator/health", "X-Admin-Token", OPERATIONS_TOKEN);
              assertThat(health.statusCode()).isEqualTo(200);
              assertThat(health.body()).contains("\"relay\":{").contains("\"phase\":\"RUNNING\"");
            });
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    String metrics = get("/actuator/prometheus", "Authorization", "Bearer " + METRICS_TOKEN).body();
    assertThat(metrics)
        .contains(
            "reservas_relay_events_total{application=\"outbox-relay\",topic=\"reservations.events\"} 1.0")
        .contains("reservas_relay_lag_seconds_count")
        .contains("reservas_relay_engine_running{application=\"outbox-relay\"} 1.0");
  }

  @Test
  void theActuatorServesItsOwnCredentialAloneUnderEverySpelling() {
    RawHttp management = new RawHttp("127.0.0.1", managementPort);
    assertThat(
            new OperatorSurface(
                    new RawHttp("127.0.0.1", port), management, METRICS_TOKEN, OPERATIONS_TOKEN)
                .servedWithoutTheirCredential(
                    List.of(Route.get("/admin/anything")),
                    List.of("/actuator/metrics", "/actuator/info")))
        .as("answers that are not a problem+json refusal")
        .isEmpty();
    RawHttp.Response health = management.get("/actuator/health", Map.of());
    assertThat(health.body()).doesNotContain("relay");
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
