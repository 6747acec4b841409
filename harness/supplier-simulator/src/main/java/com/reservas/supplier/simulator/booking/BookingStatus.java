package com.reservas.supplier.simulator.booking;

/** A booking exists only once confirmed; rejected requests never become bookings. */
public enum BookingStatus {
  CONFIRMED,
  CANCELLED
}
