package com.reservas.reservation.api;

import com.reservas.testsupport.TestDatabase;
import com.reservas.testsupport.ThreadDumpOnTimeout;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the HTTP tests: the real application on a random port (the actuator on another), against
 * a fresh migrated MariaDB database per test class (binlog on), with two seeded API clients. The
 * {@code local} profile is what seeds clients; {@code test} replaces its clients and credentials.
 */
@SpringBootTest(
    properties = "spring.config.name=" + ReservationApiApplication.CONFIG_NAME,
    classes = ReservationApiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test"})
@ExtendWith(ThreadDumpOnTimeout.class)
abstract class ApiTest {

  static final String CLIENT_A_KEY = "key-of-client-a";
  static final String CLIENT_B_KEY = "key-of-client-b";

  static final String VALID_BODY =
      """
      {
        "customer": {"firstName": "Ana", "lastName": "García Núñez",
                     "email": "ana@example.com", "phone": "+34600111222"},
        "vehicle":  {"categoryCode": "CDAR", "supplierCode": "IBERCAR"},
        "pickup":   {"officeCode": "MAD-AIRPORT", "at": "2027-03-10T09:30:00"},
        "dropoff":  {"officeCode": "BCN-AIRPORT", "at": "2027-03-14T18:00:00"},
        "payment":  {"paymentMethodToken": "pm_card_visa"}
      }
      """;

  private static final Map<Class<?>, TestDatabase> DATABASES = new ConcurrentHashMap<>();

  @LocalServerPort int port;

  @Value("${local.management.port}")
  int managementPort;

  WebTestClient http;

  /** The actuator's port. */
  WebTestClient management;

  /** Each test class gets its own database; call from a {@code @DynamicPropertySource}. */
  static void useDatabaseOf(Class<?> testClass, DynamicPropertyRegistry registry) {
    TestDatabase db = database(testClass);
    registry.add("spring.r2dbc.url", db::r2dbcUrl);
    registry.add("spring.flyway.url", db::jdbcUrl);
  }

  static TestDatabase database(Class<?> testClass) {
    return DATABASES.computeIfAbsent(testClass, c -> TestDatabase.create());
  }

  @BeforeEach
  void client() {
    http =
        WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(60))
            .build();
    management =
        WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + managementPort)
            .responseTimeout(Duration.ofSeconds(60))
            .build();
  }

  WebTestClient.ResponseSpec post(String body) {
    return post(http, body);
  }

  /** A create of client A sent by {@code client} (e.g. with extra default headers). */
  static WebTestClient.ResponseSpec post(WebTestClient client, String body) {
    return client
        .post()
        .uri("/api/v1/reservations")
        .header("X-Api-Key", CLIENT_A_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  /** Registers a new API client through the key administration API; returns its key. */
  String newClient(String id, String name) {
    Map<?, ?> created =
        http.post()
            .uri("/admin/api-clients")
            .header("X-Admin-Token", "test-admin-token")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("id", id, "name", name))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (String) created.get("apiKey");
  }

  /** Creates a reservation for client A and returns its code. */
  String create() {
    Map<?, ?> body =
        post(VALID_BODY)
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (String) body.get("code");
  }

  long count(String table) {
    try (Connection c = database(getClass()).connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows in every table a reservation writes to: unchanged means nothing was written. */
  long reservationRows() {
    return count("reservation")
        + count("reservation_contact")
        + count("reservation_status_history")
        + count("outbox_event");
  }
}
