package com.reservas.reservation.domain;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** Pickup to drop-off; a rental is charged per started 24 hours. */
public record RentalPeriod(Handover pickup, Handover dropoff) {

  private static final long MINUTES_PER_DAY = 24 * 60;

  public RentalPeriod {
    requireNonNull(pickup, "pickup");
    requireNonNull(dropoff, "dropoff");
    if (!dropoff.instant().isAfter(pickup.instant())) {
      throw new IllegalArgumentException("drop-off must be after pickup");
    }
  }

  /** Started days: 24 h is one day, 24 h and one minute is two. */
  public long chargeableDays() {
    long minutes = Duration.between(pickup.instant(), dropoff.instant()).toMinutes();
    return Math.max(1, (minutes + MINUTES_PER_DAY - 1) / MINUTES_PER_DAY);
  }
}
