package com.reservas.supplier.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.supplier.simulator.fault.FailureMode;
import com.reservas.supplier.simulator.fault.FaultSettings;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the simulator logs about each exchange shows what happened but never a driver's name. */
class ExchangeLogTest {

  private static final Logger EXCHANGE_LOG =
      Logger.getLogger("com.reservas.supplier.simulator.http.ExchangeLog");

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord entry) {
          lines.add(entry.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final SupplierSimulator simulator = new SupplierSimulator();
  private SupplierApiClient supplier;

  @BeforeEach
  void startSimulatorAndCaptureItsLog() {
    EXCHANGE_LOG.setLevel(Level.INFO);
    EXCHANGE_LOG.addHandler(capture);
    simulator.start(0);
    supplier = new SupplierApiClient(simulator.baseUrl());
  }

  @AfterEach
  void stop() {
    simulator.stop();
    EXCHANGE_LOG.removeHandler(capture);
  }

  @Test
  void requestsAndResponsesAreLoggedWithDriversNamesMasked() throws Exception {
    String reference =
        SupplierApiClient.json(
                supplier.book(
                    BookingJson.forReservation("K7P2QX9A").driver("Ana", "García Núñez").json()))
            .get("bookingReference")
            .stringValue();
    supplier.getBooking(reference);
    supplier.cancel(reference, "K7P2QX9A-cancel");

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("POST /v1/bookings -> 201").contains("A***", "G***");
    assertThat(lines.get(1)).startsWith("GET /v1/bookings/" + reference + " -> 200");
    assertThat(lines.get(2)).contains("/cancellation -> 200", "CANCELLED");
    assertThat(lines).noneMatch(line -> line.contains("Ana") || line.contains("García"));
  }

  @Test
  void injectedFailuresAreLoggedWithTheRequestMasked() throws Exception {
    simulator.setFaults(FaultSettings.failing(FailureMode.HTTP_503));

    supplier.book(BookingJson.forReservation("K7P2QX9A").driver("Ana", "García").json());

    assertThat(lines)
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("injected HTTP_503", "A***")
                    .doesNotContain("Ana", "García"));
  }
}
