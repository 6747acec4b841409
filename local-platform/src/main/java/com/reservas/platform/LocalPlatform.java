package com.reservas.platform;

import com.reservas.local.EmbeddedMariaDb;
import com.reservas.reservation.api.ReservationApiApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform on one machine, in one process: MariaDB with the binlog (data kept in {@code
 * .data/}), and the services. Ctrl-C stops everything in reverse order.
 */
public final class LocalPlatform implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
  static final String DATABASE = "reservas";

  private final LocalSettings settings;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

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
    Ports.requireFree(settings.databasePort(), "database", LocalSettings.DB_PORT);
    Ports.requireFree(settings.apiPort(), "reservation API", LocalSettings.API_PORT);

    Path dbData = settings.dataDir().resolve("mariadb");
    EmbeddedMariaDb db = EmbeddedMariaDb.start(settings.databasePort(), dbData, List.of());
    started.push(db);
    db.createDatabase(DATABASE);

    Map<String, Object> common =
        Map.of(
            "spring.r2dbc.url", db.r2dbcUrl(DATABASE),
            "spring.flyway.url", db.jdbcUrl(DATABASE));
    ConfigurableApplicationContext api =
        ReservationApiApplication.application()
            .profiles("local")
            .properties(common)
            .properties(Map.of("server.port", settings.apiPort()))
            .run();
    started.push(api::close);
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
           Data         %s
         Try:
           curl -s %s/api/v1/offices -H 'X-Api-Key: local-demo-key'
         Ctrl-C stops everything.
        ────────────────────────────────────────────────────────────────────
        """
        .formatted(startup.toMillis() / 1000.0, api, api, api, settings.dataDir(), api);
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
