package com.reservas.provider.domain;

import static java.util.Objects.requireNonNull;

/** The person who drives the car; the supplier needs the name. Personal data. */
public record Driver(String firstName, String lastName) {

  public Driver {
    requireNonNull(firstName, "firstName");
    requireNonNull(lastName, "lastName");
  }

  @Override
  public String toString() {
    return "Driver[" + initial(firstName) + ". " + initial(lastName) + ".]";
  }

  private static String initial(String name) {
    return name.isEmpty() ? "" : name.substring(0, 1);
  }
}
