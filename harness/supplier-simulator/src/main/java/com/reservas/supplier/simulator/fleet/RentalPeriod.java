package com.reservas.supplier.simulator.fleet;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The half-open interval {@code [pickupAt, dropoffAt)} during which a car is away, in the office's
 * local time. Half-open so that a car dropped off at 10:00 can be picked up again at 10:00.
 */
public record RentalPeriod(LocalDateTime pickupAt, LocalDateTime dropoffAt) {

  public RentalPeriod {
    Objects.requireNonNull(pickupAt, "pickupAt");
    Objects.requireNonNull(dropoffAt, "dropoffAt");
    if (!pickupAt.isBefore(dropoffAt)) {
      throw new IllegalArgumentException("dropoffAt must be after pickupAt");
    }
  }

  public boolean overlaps(RentalPeriod other) {
    return pickupAt.isBefore(other.dropoffAt) && other.pickupAt.isBefore(dropoffAt);
  }

  @Override
  public String toString() {
    return "["
        + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(pickupAt)
        + ", "
        + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dropoffAt)
        + ")";
  }
}
