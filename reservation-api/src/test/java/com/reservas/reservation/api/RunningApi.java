package com.reservas.reservation.api;

import com.reservas.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real application on a random port against a fresh database, started by hand: for jqwik
 * properties, which cannot use Spring's test extension. Start one per test class and close it
 * after.
 */
final class RunningApi implements AutoCloseable {

  final TestDatabase database;
  final ConfigurableApplicationContext context;
  final int port;
  final WebTestClient http;

  RunningApi(Map<String, Object> extraProperties) {
    this(TestDatabase.create(), extraProperties);
  }

  /** On an existing database: a restart of the service, with everything it stored. */
  RunningApi(TestDatabase database, Map<String, Object> extraProperties) {
    this.database = database;
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.r2dbc.url", database.r2dbcUrl());
    properties.put("spring.flyway.url", database.jdbcUrl());
    properties.put("server.port", 0);
    properties.putAll(extraProperties);
    // As command-line arguments: they win over the configuration files, default properties do not.
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    context = ReservationApiApplication.application().profiles("local", "test").run(args);
    port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    http =
        WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(60))
            .build();
  }

  RunningApi() {
    this(Map.of());
  }

  long count(String table) {
    return query("SELECT COUNT(*) FROM " + table);
  }

  long query(String sql) {
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows in every table a request may write to. */
  long writtenRows() {
    return count("reservation")
        + count("reservation_contact")
        + count("reservation_status_history")
        + count("outbox_event")
        + count("audit_log");
  }

  @Override
  public void close() {
    context.close();
  }
}
