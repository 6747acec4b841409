package com.reservas.reservation.domain;

import static java.util.Objects.requireNonNull;

/** An ACRISS vehicle category with the daily rate the price is computed from. */
public record VehicleCategory(String code, String description, Money dailyRate) {
  public VehicleCategory {
    requireNonNull(code, "code");
    requireNonNull(description, "description");
    requireNonNull(dailyRate, "dailyRate");
  }

  /** The server-side price: daily rate times started days. Never taken from the client. */
  public Money priceFor(RentalPeriod period) {
    return dailyRate.times(period.chargeableDays());
  }
}
