package com.reservas.reservation.domain;

import static java.util.Objects.requireNonNull;

/** The driver who rents the car. Every field is personal data. */
public record Customer(String firstName, String lastName, String email, String phone) {
  public Customer {
    requireNonNull(firstName, "firstName");
    requireNonNull(lastName, "lastName");
    requireNonNull(email, "email");
    requireNonNull(phone, "phone");
  }
}
