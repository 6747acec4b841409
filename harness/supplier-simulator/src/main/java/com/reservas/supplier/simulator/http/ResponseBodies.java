package com.reservas.supplier.simulator.http;

import com.reservas.supplier.simulator.booking.Booking;
import com.reservas.supplier.simulator.booking.BookingOutcome.Rejected;
import com.reservas.supplier.simulator.booking.BookingRequest;
import com.reservas.supplier.simulator.booking.Driver;
import com.reservas.supplier.simulator.fault.FaultSettings;
import com.reservas.supplier.simulator.stats.SupplierStats;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the JSON bodies of the contract ({@code openapi/supplier-api.yaml}). Field names are spelt
 * out here rather than derived from Java names, so that renaming a Java type cannot change the wire
 * format.
 */
final class ResponseBodies {

  private final JsonMapper json;

  ResponseBodies(JsonMapper json) {
    this.json = json;
  }

  String booking(Booking booking) {
    return json.writeValueAsString(bookingNode(booking, booking.request().driver()));
  }

  /** {@code {"bookings": [...]}}, as the supplier API answers a search. */
  String bookingList(List<Booking> bookings) {
    ObjectNode node = json.createObjectNode();
    ArrayNode array = node.putArray("bookings");
    bookings.forEach(booking -> array.add(bookingNode(booking, booking.request().driver())));
    return json.writeValueAsString(node);
  }

  /** Bookings with the drivers' names reduced to initials, for operators' eyes. */
  String bookingsWithMaskedDrivers(List<Booking> bookings) {
    ArrayNode array = json.createArrayNode();
    bookings.forEach(
        booking -> array.add(bookingNode(booking, booking.request().driver().masked())));
    return json.writeValueAsString(array);
  }

  String rejection(Rejected rejection) {
    ObjectNode node = json.createObjectNode();
    node.put("status", "REJECTED");
    node.put("reason", rejection.reason().name());
    node.put("message", rejection.message());
    node.put("requestId", rejection.requestId());
    return json.writeValueAsString(node);
  }

  String error(ErrorReason reason, String message) {
    ObjectNode node = json.createObjectNode();
    node.put("reason", reason.name());
    node.put("message", message);
    return json.writeValueAsString(node);
  }

  String stats(SupplierStats stats) {
    ObjectNode node = json.createObjectNode();
    node.put("bookingAttempts", stats.bookingAttempts());
    node.put("bookingsMade", stats.bookingsMade());
    node.put("rejections", stats.rejections());
    node.put("cancellations", stats.cancellations());
    node.put("faultsInjected", stats.faultsInjected());
    node.put("idempotentReplays", stats.idempotentReplays());
    return json.writeValueAsString(node);
  }

  String faults(FaultSettings faults) {
    ObjectNode node = json.createObjectNode();
    node.put("latencyMillis", faults.latency().toMillis());
    node.put("failureRate", faults.failureRate());
    if (faults.failureMode() == null) {
      node.putNull("failureMode");
    } else {
      node.put("failureMode", faults.failureMode().name());
    }
    node.put("failurePoint", faults.failurePoint().name());
    return json.writeValueAsString(node);
  }

  String health() {
    return json.writeValueAsString(json.createObjectNode().put("status", "UP"));
  }

  private ObjectNode bookingNode(Booking booking, Driver driver) {
    BookingRequest request = booking.request();
    ObjectNode node = json.createObjectNode();
    node.put("bookingReference", booking.bookingReference());
    node.put("status", booking.status().name());
    node.put("requestId", request.requestId());
    node.put("reservationCode", request.reservationCode());
    node.put("officeCode", request.officeCode());
    node.put("dropoffOfficeCode", request.dropoffOfficeCode());
    node.put("categoryCode", request.categoryCode());
    node.put("pickupAt", localDateTime(request.pickupAt()));
    node.put("dropoffAt", localDateTime(request.dropoffAt()));
    ObjectNode driverNode = node.putObject("driver");
    driverNode.put("firstName", driver.firstName());
    driverNode.put("lastName", driver.lastName());
    node.put("carId", booking.carId());
    node.put("createdAt", booking.createdAt().toString());
    if (booking.cancelledAt() == null) {
      node.putNull("cancelledAt");
    } else {
      node.put("cancelledAt", booking.cancelledAt().toString());
    }
    return node;
  }

  /** Always with seconds ({@code 09:30:00}), unlike {@link LocalDateTime#toString()}. */
  private static String localDateTime(LocalDateTime value) {
    return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value);
  }
}
