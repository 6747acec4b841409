package com.reservas.supplier.simulator.booking;

/**
 * The person who will drive the car. Personal data: {@link #toString()} and {@link #masked()} show
 * only initials, so a driver logged by accident does not leak a name.
 */
public record Driver(String firstName, String lastName) {

  static final int MAX_NAME_LENGTH = 100;

  public Driver {
    BookingRequest.requireText("driver.firstName", firstName, MAX_NAME_LENGTH);
    BookingRequest.requireText("driver.lastName", lastName, MAX_NAME_LENGTH);
  }

  /** {@code "Ana"} becomes {@code "A***"}: enough to tell drivers apart in a log, no more. */
  public static String maskName(String name) {
    if (name == null || name.isBlank()) {
      return "***";
    }
    return name.strip().substring(0, name.strip().offsetByCodePoints(0, 1)) + "***";
  }

  public Driver masked() {
    return new Driver(maskName(firstName), maskName(lastName));
  }

  @Override
  public String toString() {
    return "Driver[firstName=" + maskName(firstName) + ", lastName=" + maskName(lastName) + "]";
  }
}
