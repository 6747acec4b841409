package com.reservas.supplier.simulator.fleet;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The supplier's cars, per office and category, sized by a {@link FleetSizing}. Not thread-safe:
 * its one user serialises access so that availability checks and bookings happen as one step.
 */
public final class Fleet {

  private final FleetSizing sizing;
  private final Map<String, CarPool> pools = new HashMap<>();

  public Fleet(FleetSizing sizing) {
    this.sizing = sizing;
  }

  /**
   * Takes a car of the category at the office for the whole period.
   *
   * @return the id of the car taken, or empty when no single car is free for the whole period
   */
  public Optional<String> reserve(String officeCode, String categoryCode, RentalPeriod period) {
    return pool(officeCode, categoryCode).reserve(period);
  }

  /** Gives the car back for the period (a cancelled booking). */
  public void release(String officeCode, String categoryCode, String carId, RentalPeriod period) {
    pool(officeCode, categoryCode).release(carId, period);
  }

  /** Takes the car {@code carId} for the period again: a booking read back at start. */
  public void restore(String officeCode, String categoryCode, String carId, RentalPeriod period) {
    pool(officeCode, categoryCode).restore(carId, period);
  }

  /** Forgets every booking: all cars are free again. */
  public void clear() {
    pools.clear();
  }

  public FleetSizing sizing() {
    return sizing;
  }

  private CarPool pool(String officeCode, String categoryCode) {
    return pools.computeIfAbsent(
        officeCode + "/" + categoryCode,
        key -> new CarPool(officeCode, categoryCode, sizing.sizeOf(officeCode, categoryCode)));
  }
}
