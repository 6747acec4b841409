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

  /** Initials only: a customer in a log line or an exception message gives nobody away. */
  @Override
  public String toString() {
    return "Customer[" + initials(firstName) + " " + initials(lastName) + ", email=***, phone=***]";
  }

  private static String initials(String name) {
    StringBuilder initials = new StringBuilder();
    for (String word : name.strip().split("\\s+")) {
      if (!word.isEmpty()) {
        initials
            .append(initials.isEmpty() ? "" : " ")
            .appendCodePoint(word.codePointAt(0))
            .append("***");
      }
    }
    return initials.toString();
  }
}
