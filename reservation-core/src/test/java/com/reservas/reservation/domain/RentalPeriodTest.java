package com.reservas.reservation.domain;

import static com.reservas.reservation.domain.Reservations.MADRID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RentalPeriodTest {

  private static final LocalDateTime START = LocalDateTime.parse("2027-03-10T09:30:00");

  @Test
  void theSpecExampleCostsFiveDaysAtTheDailyRate() {
    RentalPeriod period = Reservations.details().period();
    VehicleCategory cdar =
        new VehicleCategory("CDAR", "Compact", new Money(new BigDecimal("82.40"), "EUR"));

    assertThat(period.chargeableDays()).isEqualTo(5);
    assertThat(cdar.priceFor(period).amountText()).isEqualTo("412.00");
  }

  @Property
  void aStartedDayIsChargedAsAWholeDay(
      @ForAll @IntRange(min = 1, max = 60) int days,
      @ForAll @IntRange(min = 1, max = 1439) int extraMinutes) {
    assertThat(period(START.plusDays(days)).chargeableDays()).isEqualTo(days);
    assertThat(period(START.plusDays(days).plusMinutes(extraMinutes)).chargeableDays())
        .isEqualTo(days + 1);
  }

  @Test
  void daysCountRealTimeAcrossTimeZones() {
    Handover pickup = new Handover("MAD-AIRPORT", START, MADRID);
    Handover dropoff = new Handover("LPA-AIRPORT", START.plusDays(1), ZoneId.of("Atlantic/Canary"));

    // 24 h on the wall clock, but Canary time is one hour behind: 25 real hours, two days.
    assertThat(new RentalPeriod(pickup, dropoff).chargeableDays()).isEqualTo(2);
  }

  @Test
  void dropOffMustBeAfterPickup() {
    assertThatThrownBy(() -> period(START)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDaylightSavingNightDoesNotAddADay() {
    // Spring forward on 2027-03-28: 18 wall-clock days and 30 minutes are 18 days minus 30 minutes.
    Handover pickup = new Handover("MAD-AIRPORT", START, MADRID);
    Handover dropoff = new Handover("MAD-AIRPORT", START.plusDays(18).plusMinutes(30), MADRID);

    assertThat(new RentalPeriod(pickup, dropoff).chargeableDays()).isEqualTo(18);
  }

  private static RentalPeriod period(LocalDateTime dropoffAt) {
    return new RentalPeriod(
        new Handover("MAD-AIRPORT", START, ZoneOffset.UTC),
        new Handover("MAD-AIRPORT", dropoffAt, ZoneOffset.UTC));
  }
}
