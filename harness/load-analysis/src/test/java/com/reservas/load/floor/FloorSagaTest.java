package com.reservas.load.floor;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.local.EmbeddedKafkaServer;
import com.reservas.stripe.standin.StripeStandIn;
import com.reservas.supplier.simulator.SupplierSimulator;
import com.reservas.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The floor does what it claims: per reservation, the platform's number of commits, Kafka records
 * and stand-in calls (docs/performance.md, "The floor"), on a real database, broker and stand-ins.
 */
class FloorSagaTest {

  private static final int RESERVATIONS = 5;
  private static EmbeddedKafkaServer kafka;
  private static final StripeStandIn stripe = new StripeStandIn();
  private static final SupplierSimulator supplier = new SupplierSimulator();

  @BeforeAll
  static void startServers() {
    kafka =
        EmbeddedKafkaServer.start(
            EmbeddedKafkaServer.Settings.defaults().withBrokerPort(0).withControllerPort(0));
    kafka.awaitReady(Duration.ofSeconds(60));
    stripe.start(0);
    supplier.start(0);
  }

  @AfterAll
  static void stopServers() {
    supplier.stop();
    stripe.stop();
    kafka.close();
  }

  @Test
  void everyReservationSettlesWithThePlatformsHopsAndNoMore() throws Exception {
    TestDatabase database = TestDatabase.create();
    FloorSettings settings =
        new FloorSettings(
            kafka.bootstrapServers(),
            database.jdbcUrl() + "?user=root",
            stripe.baseUrl(),
            supplier.baseUrl(),
            3,
            2,
            2);
    try (FloorSaga saga = new FloorSaga(settings)) {
      HttpClient client = HttpClient.newHttpClient();
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < RESERVATIONS; i++) {
        HttpResponse<String> created =
            client.send(
                HttpRequest.newBuilder(saga.apiUri())
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        codes.add(created.body().replaceAll(".*\"code\":\"([A-Z0-9]+)\".*", "$1"));
      }

      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> saga.settled.keySet().containsAll(codes));

      HttpResponse<String> read =
          client.send(
              HttpRequest.newBuilder(URI.create(saga.apiUri() + "/" + codes.get(0))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(read.body()).contains("\"status\":\"CAPTURED\"");
      assertThat(saga.confirmedAfterMillis).containsOnlyKeys(codes);
      assertThat(saga.failures).hasValue(0);
      // The creation and 4 applied outcomes; 4 reservation, 3 payment and 1 supplier records;
      // the reservation records read by two groups, the others by one; authorize, book, capture.
      assertThat(saga.commits).hasValue(5L * RESERVATIONS);
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(saga.produced).hasValue(8L * RESERVATIONS));
      assertThat(saga.consumed).hasValue(12L * RESERVATIONS);
      assertThat(saga.externalCalls).hasValue(3L * RESERVATIONS);
    }
  }
}
