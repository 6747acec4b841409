package com.reservas.supplier.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class FleetTest {

  private final Fleet fleet = new Fleet(FleetSizing.standard().withOfficeSize("XYZ-CENTRE", 1));

  @Test
  void aCarReturnedAtTenCanBePickedUpAtTen() {
    assertThat(fleet.reserve("XYZ-CENTRE", "CDAR", period(1, 10, 3, 10))).isPresent();

    assertThat(fleet.reserve("XYZ-CENTRE", "CDAR", period(3, 10, 5, 10)))
        .hasValue("XYZ-CENTRE-CDAR-001");
  }

  @Test
  void aPeriodOverlappingABookingOnEitherSideFindsNoCar() {
    fleet.reserve("XYZ-CENTRE", "CDAR", period(3, 10, 5, 10));

    assertThat(fleet.reserve("XYZ-CENTRE", "CDAR", period(2, 10, 3, 11))).isEmpty();
    assertThat(fleet.reserve("XYZ-CENTRE", "CDAR", period(4, 10, 6, 10))).isEmpty();
    assertThat(fleet.reserve("XYZ-CENTRE", "CDAR", period(1, 10, 9, 10))).isEmpty();
    assertThat(fleet.reserve("XYZ-CENTRE", "CDAR", period(3, 12, 3, 13))).isEmpty();
  }

  @Test
  void releasingACarMakesItFreeForThatPeriodAgain() {
    RentalPeriod period = period(3, 10, 5, 10);
    String car = fleet.reserve("XYZ-CENTRE", "CDAR", period).orElseThrow();

    fleet.release("XYZ-CENTRE", "CDAR", car, period);

    assertThat(fleet.reserve("XYZ-CENTRE", "CDAR", period)).hasValue(car);
  }

  @Test
  void malagaAirportHasTwoCarsPerCategoryAndOtherOfficesFifty() {
    FleetSizing standard = FleetSizing.standard();

    assertThat(standard.sizeOf("AGP-AIRPORT", "CDAR")).isEqualTo(2);
    assertThat(standard.sizeOf("AGP-AIRPORT", "ECMN")).isEqualTo(2);
    assertThat(standard.sizeOf("MAD-AIRPORT", "CDAR")).isEqualTo(50);
    assertThat(standard.withDefaultSize(1000).sizeOf("AGP-AIRPORT", "CDAR")).isEqualTo(2);
    assertThat(standard.withDefaultSize(1000).sizeOf("MAD-AIRPORT", "CDAR")).isEqualTo(1000);
  }

  @Test
  void aFleetOfFiftyTakesFiftyOverlappingBookingsAndNoMore() {
    Fleet madrid = new Fleet(FleetSizing.standard());
    for (int i = 0; i < FleetSizing.STANDARD_FLEET_SIZE; i++) {
      assertThat(madrid.reserve("MAD-AIRPORT", "SFAR", period(1, 10, 5, 10))).isPresent();
    }

    assertThat(madrid.reserve("MAD-AIRPORT", "SFAR", period(2, 10, 3, 10))).isEmpty();
  }

  @Test
  void overridesWrittenInOneLineSetOfficeAndOfficeCategorySizes() {
    FleetSizing sizing =
        FleetSizing.standard().withOverrides("BCN-AIRPORT=3, MAD-AIRPORT/CDAR=7,AGP-AIRPORT=4");

    assertThat(sizing.sizeOf("BCN-AIRPORT", "ECMN")).isEqualTo(3);
    assertThat(sizing.sizeOf("MAD-AIRPORT", "CDAR")).isEqualTo(7);
    assertThat(sizing.sizeOf("MAD-AIRPORT", "ECMN")).isEqualTo(50);
    assertThat(sizing.sizeOf("AGP-AIRPORT", "ECMN")).isEqualTo(4);
    assertThat(FleetSizing.standard().withOverrides("  "))
        .hasToString(FleetSizing.standard().toString());
    assertThatThrownBy(() -> FleetSizing.standard().withOverrides("BCN-AIRPORT"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FleetSizing.standard().withOfficeSize("BCN-AIRPORT", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPeriodMustEndAfterItStarts() {
    assertThatThrownBy(() -> period(3, 10, 3, 10)).isInstanceOf(IllegalArgumentException.class);
  }

  private static RentalPeriod period(int fromDay, int fromHour, int toDay, int toHour) {
    return new RentalPeriod(
        LocalDateTime.of(2027, 3, fromDay, fromHour, 0),
        LocalDateTime.of(2027, 3, toDay, toHour, 0));
  }
}
