package com.reservas.supplier.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.supplier.simulator.booking.Booking;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many callers at once must never get more cars than the fleet has, nor two bookings for one id.
 */
class ConcurrentBookingTest {

  private static final int CALLERS = 20;

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
  void freshSupplier() {
    simulator.reset();
  }

  @Test
  void twentySimultaneousBookingsForTheSameDatesAtMalagaAirportConfirmExactlyTwo() {
    List<HttpResponse<String>> responses =
        sendAll(
            IntStream.range(0, CALLERS)
                .mapToObj(caller -> BookingJson.forReservation("RES%05d".formatted(caller)).json())
                .toList());

    Map<Integer, Long> byStatus =
        responses.stream()
            .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(201, 2L, 422, 18L));
    assertThat(simulator.bookings())
        .extracting(Booking::carId)
        .containsExactlyInAnyOrder("AGP-AIRPORT-CDAR-001", "AGP-AIRPORT-CDAR-002");
  }

  @Test
  void twentySimultaneousRetriesOfOneRequestMakeOneBooking() {
    String body = BookingJson.forReservation("K7P2QX9A").json();

    List<HttpResponse<String>> responses =
        sendAll(IntStream.range(0, CALLERS).mapToObj(caller -> body).toList());

    assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201);
    assertThat(responses)
        .extracting(
            response -> SupplierApiClient.json(response).get("bookingReference").stringValue())
        .containsOnly(simulator.bookingsFor("K7P2QX9A").get(0).bookingReference());
    assertThat(simulator.bookings()).hasSize(1);
    assertThat(simulator.stats().idempotentReplays()).isEqualTo(CALLERS - 1);
  }

  private static List<HttpResponse<String>> sendAll(List<String> bodies) {
    List<CompletableFuture<HttpResponse<String>>> inFlight =
        bodies.stream().map(supplier::bookAsync).toList();
    return inFlight.stream().map(CompletableFuture::join).toList();
  }
}
