package com.reservas.supplier.simulator;

import static com.reservas.supplier.simulator.SupplierApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.supplier.simulator.fault.FailureMode;
import com.reservas.supplier.simulator.fault.FailurePoint;
import com.reservas.supplier.simulator.fault.FaultSettings;
import com.reservas.supplier.simulator.fleet.FleetSizing;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Outages a supplier integration must survive, switched on and off while the supplier runs. */
class FaultInjectionTest {

  private static final SupplierSimulator simulator = new SupplierSimulator();
  private static SupplierApiClient supplier;

  @BeforeAll
  static void startSimulator() {
    simulator.start(0);
    supplier = new SupplierApiClient(simulator.baseUrl());
  }

  @AfterAll
  static void stopSimulator() {
    simulator.stop();
  }

  @BeforeEach
  void healthySupplier() {
    simulator.reset();
  }

  @Test
  void http500FailsEveryRequestWithoutBookingAnything() throws IOException {
    putFaults("{\"failureRate\": 1, \"failureMode\": \"HTTP_500\"}");

    HttpResponse<String> response = supplier.book(BookingJson.forReservation("K7P2QX9A").json());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(json(response).get("reason").stringValue()).isEqualTo("INJECTED_FAULT");
    assertThat(simulator.bookingsFor("K7P2QX9A")).isEmpty();
    assertThat(simulator.stats().faultsInjected()).isEqualTo(1);
    assertThat(simulator.stats().bookingAttempts()).isEqualTo(1);
  }

  @Test
  void http503AsksTheCallerToComeBackLater() throws IOException {
    putFaults("{\"failureRate\": 1.0, \"failureMode\": \"HTTP_503\"}");

    HttpResponse<String> response = supplier.getBooking("SBANYTHING");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(json(response).get("reason").stringValue()).isEqualTo("INJECTED_FAULT");
  }

  @Test
  void timeoutHoldsTheRequestLongerThanTheClientWaits() throws IOException {
    putFaults("{\"failureRate\": 1, \"failureMode\": \"TIMEOUT\"}");
    SupplierApiClient impatient = supplier.withTimeout(Duration.ofMillis(300));

    assertThatThrownBy(() -> impatient.book(BookingJson.forReservation("K7P2QX9A").json()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(simulator.bookingsFor("K7P2QX9A")).isEmpty();
  }

  @Test
  void connectionResetClosesTheConnectionWithoutAnAnswer() throws IOException {
    putFaults("{\"failureRate\": 1, \"failureMode\": \"CONNECTION_RESET\"}");

    assertThatThrownBy(() -> supplier.book(BookingJson.forReservation("K7P2QX9A").json()))
        .isInstanceOf(IOException.class);
    assertThat(simulator.stats().faultsInjected()).isEqualTo(1);
  }

  @Test
  void latencyDelaysEveryAnswerByAtLeastTheGivenTime() throws IOException {
    putFaults("{\"latencyMillis\": 300}");

    long started = System.nanoTime();
    HttpResponse<String> response = supplier.book(BookingJson.forReservation("K7P2QX9A").json());

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void aBookingWhoseAnswerWasLostIsReturnedToTheRetryWithoutASecondCar() throws IOException {
    putFaults(
        "{\"failureRate\": 1, \"failureMode\": \"CONNECTION_RESET\","
            + " \"failurePoint\": \"AFTER_PROCESSING\"}");
    String body = BookingJson.forReservation("K7P2QX9A").json();
    assertThatThrownBy(() -> supplier.book(body)).isInstanceOf(IOException.class);
    assertThat(simulator.bookingsFor("K7P2QX9A")).as("booked, though nobody heard").hasSize(1);

    assertThat(supplier.delete("/admin/faults").statusCode()).isEqualTo(204);
    HttpResponse<String> retry = supplier.book(body);

    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(json(retry).get("bookingReference").stringValue())
        .isEqualTo(simulator.bookingsFor("K7P2QX9A").get(0).bookingReference());
    assertThat(simulator.stats().bookingsMade()).isEqualTo(1);
  }

  @Test
  void clearingTheFaultsMakesTheSupplierHealthyAgain() throws IOException {
    putFaults("{\"failureRate\": 1, \"failureMode\": \"HTTP_503\", \"latencyMillis\": 50}");

    assertThat(supplier.delete("/admin/faults").statusCode()).isEqualTo(204);

    JsonNode faults = json(supplier.get("/admin/faults"));
    assertThat(faults.get("failureRate").asDouble()).isZero();
    assertThat(faults.get("latencyMillis").asLong()).isZero();
    assertThat(faults.get("failureMode").isNull()).isTrue();
    assertThat(supplier.book(BookingJson.forReservation("K7P2QX9A").json()).statusCode())
        .isEqualTo(201);
  }

  @Test
  void theFaultsInForceCanBeRead() throws IOException {
    HttpResponse<String> put =
        putFaults("{\"latencyMillis\": 20, \"failureRate\": 0.25, \"failureMode\": \"TIMEOUT\"}");

    assertThat(json(put)).isEqualTo(json(supplier.get("/admin/faults")));
    assertThat(simulator.faults())
        .isEqualTo(
            new FaultSettings(
                Duration.ofMillis(20), 0.25, FailureMode.TIMEOUT, FailurePoint.BEFORE_PROCESSING));
  }

  @Test
  void invalidFaultSettingsAreRefusedAndChangeNothing() throws IOException {
    assertThat(
            supplier
                .putFaults("{\"failureRate\": 1.5, \"failureMode\": \"HTTP_500\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(supplier.putFaults("{\"failureRate\": 0.5}").statusCode()).isEqualTo(400);
    assertThat(supplier.putFaults("{\"failureRate\": 1, \"failureMode\": \"FIRE\"}").statusCode())
        .isEqualTo(400);
    assertThat(supplier.putFaults("{\"latencyMillis\": -1}").statusCode()).isEqualTo(400);
    assertThat(supplier.putFaults("{\"latencyMillis\": \"slow\"}").statusCode()).isEqualTo(400);

    assertThat(simulator.faults()).isEqualTo(FaultSettings.NONE);
  }

  @Test
  void adminEndpointsAnswerWhileTheSupplierApiFails() throws IOException {
    simulator.setFaults(FaultSettings.failing(FailureMode.CONNECTION_RESET));

    assertThat(supplier.get("/admin/stats").statusCode()).isEqualTo(200);
    assertThat(supplier.get("/admin/health").statusCode()).isEqualTo(200);
  }

  @Test
  void testsCanSetFaultsThroughJava() throws IOException {
    simulator.setFaults(FaultSettings.failing(FailureMode.HTTP_500));
    assertThat(supplier.book(BookingJson.forReservation("K7P2QX9A").json()).statusCode())
        .isEqualTo(500);

    simulator.clearFaults();
    assertThat(supplier.book(BookingJson.forReservation("K7P2QX9A").json()).statusCode())
        .isEqualTo(201);
  }

  @Test
  void aFailureRateOfZeroWithAModeFailsNothing() throws IOException {
    putFaults("{\"failureRate\": 0, \"failureMode\": \"HTTP_500\"}");

    assertThat(supplier.book(BookingJson.forReservation("K7P2QX9A").json()).statusCode())
        .isEqualTo(201);
  }

  @Test
  void stoppingTheSimulatorLetsGoOfRequestsHeldByATimeout() throws Exception {
    SupplierSimulator holding =
        new SupplierSimulator(FleetSizing.standard(), Duration.ofMinutes(5));
    holding.start(0);
    holding.setFaults(FaultSettings.failing(FailureMode.TIMEOUT));
    CompletableFuture<HttpResponse<String>> held =
        new SupplierApiClient(holding.baseUrl(), Duration.ofMinutes(5))
            .bookAsync(BookingJson.forReservation("K7P2QX9A").json());
    awaitFaults(holding, 1);

    holding.stop();

    assertThatThrownBy(() -> held.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(holding.isRunning()).isFalse();
  }

  private static HttpResponse<String> putFaults(String body) throws IOException {
    HttpResponse<String> response = supplier.putFaults(body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }

  private static void awaitFaults(SupplierSimulator target, long count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (target.stats().faultsInjected() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(target.stats().faultsInjected()).isEqualTo(count);
  }
}
