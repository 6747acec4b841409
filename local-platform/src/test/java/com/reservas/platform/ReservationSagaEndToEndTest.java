package com.reservas.platform;

import static com.reservas.platform.PlatformFixture.body;
import static com.reservas.platform.PlatformFixture.field;
import static com.reservas.platform.PlatformFixture.settled;
import static com.reservas.platform.PlatformFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The saga end to end on real components, all started in this JVM exactly as the local platform
 * runs them: MariaDB with the binlog, a Kafka broker, the Debezium relay, both consumers, the
 * status projector, the Stripe stand-in and the supplier simulator. Clients only use HTTP.
 */
class ReservationSagaEndToEndTest {

  private static final Duration SAGA = Duration.ofSeconds(60);
  private static PlatformFixture fixture;

  @BeforeAll
  static void startPlatform() {
    // 200 simultaneous creations from one address: the load profile lifts the per-IP rate limits.
    fixture = new PlatformFixture(Map.of(LocalSettings.PROFILES, "load"));
  }

  @AfterAll
  static void stopPlatform() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aVisaPaidReservationIsConfirmedByTheSupplierAndCaptured() {
    String code =
        fixture.create(
            body("MAD-AIRPORT", "2027-03-10T09:30:00", "2027-03-14T18:00:00", "pm_card_visa"));

    String json =
        fixture.awaitReservation(code, r -> "CAPTURED".equals(field(r, "paymentStatus")), SAGA);

    assertThat(field(json, "status")).isEqualTo("SUPPLIER_CONFIRMED");
    assertThat(field(json, "supplierStatus")).isEqualTo("CONFIRMED");
    assertThat(statuses(json))
        .containsExactly("CREATED", "PAYMENT_IN_PROGRESS", "PAID", "SUPPLIER_CONFIRMED");
    assertThat(fixture.platform.stripe().authorizationsFor(code)).isEqualTo(1);
    assertThat(fixture.platform.supplier().bookingsFor(code)).hasSize(1);
  }

  @Test
  void aDeclinedCardCancelsTheReservationWithoutCallingTheSupplier() {
    String code =
        fixture.create(
            body(
                "MAD-AIRPORT",
                "2027-04-10T09:30:00",
                "2027-04-12T09:30:00",
                "pm_card_chargeDeclined"));

    String json = fixture.awaitReservation(code, status("CANCELLED"), SAGA);

    assertThat(field(json, "paymentStatus")).isEqualTo("DECLINED");
    assertThat(field(json, "supplierStatus")).isEqualTo("PENDING");
    assertThat(fixture.platform.supplier().bookingsFor(code)).isEmpty();
  }

  @Test
  void anExhaustedFleetCancelsTheThirdReservationAndVoidsItsAuthorization() {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      codes.add(
          fixture.create(
              body("AGP-AIRPORT", "2027-05-10T10:00:00", "2027-05-15T10:00:00", "pm_card_visa")));
    }

    List<String> finals =
        codes.stream().map(c -> fixture.awaitReservation(c, settled(), SAGA)).toList();

    assertThat(finals).filteredOn(j -> "SUPPLIER_CONFIRMED".equals(field(j, "status"))).hasSize(2);
    assertThat(finals)
        .filteredOn(j -> "CANCELLED".equals(field(j, "status")))
        .singleElement()
        .satisfies(
            j -> {
              assertThat(field(j, "paymentStatus")).isEqualTo("VOIDED");
              assertThat(field(j, "supplierStatus")).isEqualTo("REJECTED");
            });
  }

  @Test
  void cancellingAConfirmedReservationRefundsTheMoneyAndFreesTheCar() {
    String code =
        fixture.create(
            body(
                "BCN-AIRPORT", "2027-06-10T09:30:00", "2027-06-12T09:30:00", "pm_card_mastercard"));
    fixture.awaitReservation(code, r -> "CAPTURED".equals(field(r, "paymentStatus")), SAGA);

    assertThat(
            fixture
                .post(
                    "/api/v1/reservations/" + code + "/cancellation",
                    "{\"reason\": \"Plans changed\"}")
                .statusCode())
        .isEqualTo(202);
    String json =
        fixture.awaitReservation(
            code,
            r ->
                "REFUNDED".equals(field(r, "paymentStatus"))
                    && "CANCELLED".equals(field(r, "supplierStatus")),
            SAGA);

    assertThat(field(json, "status")).isEqualTo("CANCELLED");
    assertThat(fixture.platform.stripe().refundedAmountFor(code)).isPositive();
    assertThat(fixture.platform.supplier().bookingsFor(code))
        .singleElement()
        .satisfies(b -> assertThat(b.status().name()).isEqualTo("CANCELLED"));
  }

  @Test
  void twoHundredReservationsCreatedAtOnceAllSettleWithoutADoubleCharge() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(50);
    List<Future<String>> created = new ArrayList<>();
    java.time.LocalDate firstDay = java.time.LocalDate.parse("2027-07-01");
    for (int i = 0; i < 200; i++) {
      // One-day rentals on different days: the fleet never runs out, so only declines cancel.
      String office = i % 2 == 0 ? "MAD-AIRPORT" : "BCN-AIRPORT";
      String token = i % 10 == 0 ? "pm_card_chargeDeclinedInsufficientFunds" : "pm_card_visa";
      java.time.LocalDate day = firstDay.plusDays(i / 2);
      String pickup = day + "T09:30:00";
      String dropoff = day.plusDays(1) + "T09:30:00";
      created.add(pool.submit(() -> fixture.create(body(office, pickup, dropoff, token))));
    }
    List<String> codes = new ArrayList<>();
    for (Future<String> f : created) {
      codes.add(f.get());
    }
    pool.shutdown();

    List<String> finals =
        codes.stream()
            .map(c -> fixture.awaitReservation(c, settled(), Duration.ofSeconds(180)))
            .toList();

    assertThat(codes).doesNotHaveDuplicates();
    assertThat(finals).hasSize(200);
    assertThat(finals).filteredOn(j -> "CANCELLED".equals(field(j, "status"))).hasSize(20);
    assertThat(codes)
        .allSatisfy(
            c -> assertThat(fixture.platform.stripe().authorizationsFor(c)).isLessThanOrEqualTo(1));
    assertThat(codes)
        .allSatisfy(
            c ->
                assertThat(fixture.platform.supplier().bookingsFor(c)).hasSizeLessThanOrEqualTo(1));
  }

  private static List<String> statuses(String json) {
    List<String> result = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("\\{\"status\":\"([A-Z_]+)\",\"at\"").matcher(json);
    while (m.find()) {
      result.add(m.group(1));
    }
    return result;
  }
}
