package com.reservas.reservation.domain;

import static java.util.Objects.requireNonNull;

/** What the customer asked for; validated before it reaches the domain. */
public record ReservationDetails(
    Customer customer, VehicleChoice vehicle, RentalPeriod period, String paymentMethodToken) {
  public ReservationDetails {
    requireNonNull(customer, "customer");
    requireNonNull(vehicle, "vehicle");
    requireNonNull(period, "period");
    requireNonNull(paymentMethodToken, "paymentMethodToken");
  }

  /** The payment token is never printed; the customer prints initials only. */
  @Override
  public String toString() {
    return "ReservationDetails[customer="
        + customer
        + ", vehicle="
        + vehicle
        + ", period="
        + period
        + ", paymentMethodToken=***]";
  }
}
