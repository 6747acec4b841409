package com.reservas.contracts;

import com.reservas.reservation.api.ReservationApiApplication;
import com.reservas.testsupport.TestDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reservation API as it runs in the local platform (profile {@code local}: the demo clients and
 * their keys), on a free port against a fresh migrated database. One per test class.
 */
final class RunningApi implements AutoCloseable {

  static final String DEMO_KEY = "local-demo-key";

  private final ConfigurableApplicationContext context;
  final String baseUrl;

  RunningApi() {
    TestDatabase database = TestDatabase.create();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.r2dbc.url", database.r2dbcUrl());
    properties.put("spring.flyway.url", database.jdbcUrl());
    properties.put("server.port", 0);
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    context = ReservationApiApplication.application().profiles("local").run(args);
    baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  @Override
  public void close() {
    context.close();
  }
}
