package com.reservas.supplier.simulator;

import tools.jackson.databind.node.ObjectNode;

/** Booking request bodies for the tests, valid unless a test says otherwise. */
public record BookingJson(
    String requestId,
    String reservationCode,
    String officeCode,
    String dropoffOfficeCode,
    String categoryCode,
    String pickupAt,
    String dropoffAt,
    String firstName,
    String lastName) {

  /** A CDAR at AGP-AIRPORT (fleet of 2) from 10 to 14 March 2027. */
  public static BookingJson forReservation(String reservationCode) {
    return new BookingJson(
        reservationCode + "-book",
        reservationCode,
        "AGP-AIRPORT",
        "AGP-AIRPORT",
        "CDAR",
        "2027-03-10T09:30:00",
        "2027-03-14T18:00:00",
        "Ana",
        "García Núñez");
  }

  public BookingJson at(String office) {
    return new BookingJson(
        requestId,
        reservationCode,
        office,
        office,
        categoryCode,
        pickupAt,
        dropoffAt,
        firstName,
        lastName);
  }

  public BookingJson category(String category) {
    return new BookingJson(
        requestId,
        reservationCode,
        officeCode,
        dropoffOfficeCode,
        category,
        pickupAt,
        dropoffAt,
        firstName,
        lastName);
  }

  public BookingJson between(String pickup, String dropoff) {
    return new BookingJson(
        requestId,
        reservationCode,
        officeCode,
        dropoffOfficeCode,
        categoryCode,
        pickup,
        dropoff,
        firstName,
        lastName);
  }

  public BookingJson driver(String first, String last) {
    return new BookingJson(
        requestId,
        reservationCode,
        officeCode,
        dropoffOfficeCode,
        categoryCode,
        pickupAt,
        dropoffAt,
        first,
        last);
  }

  public BookingJson requestId(String otherRequestId) {
    return new BookingJson(
        otherRequestId,
        reservationCode,
        officeCode,
        dropoffOfficeCode,
        categoryCode,
        pickupAt,
        dropoffAt,
        firstName,
        lastName);
  }

  public String json() {
    ObjectNode node = SupplierApiClient.JSON.createObjectNode();
    node.put("requestId", requestId);
    node.put("reservationCode", reservationCode);
    node.put("officeCode", officeCode);
    node.put("dropoffOfficeCode", dropoffOfficeCode);
    node.put("categoryCode", categoryCode);
    node.put("pickupAt", pickupAt);
    node.put("dropoffAt", dropoffAt);
    node.putObject("driver").put("firstName", firstName).put("lastName", lastName);
    return SupplierApiClient.JSON.writeValueAsString(node);
  }
}
