package com.reservas.supplier.simulator.http;

import com.reservas.supplier.simulator.booking.BookingRequest;
import com.reservas.supplier.simulator.booking.Driver;
import com.reservas.supplier.simulator.fault.FailureMode;
import com.reservas.supplier.simulator.fault.FailurePoint;
import com.reservas.supplier.simulator.fault.FaultSettings;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies into the simulator's types, refusing anything the contract does not allow
 * with an {@link InvalidRequestException} that names the field. Unknown fields are ignored, as the
 * contract promises clients.
 */
final class RequestBodies {

  private final JsonMapper json;

  RequestBodies(JsonMapper json) {
    this.json = json;
  }

  BookingRequest bookingRequest(String body) {
    JsonNode root = object(body);
    try {
      return new BookingRequest(
          text(root, "requestId"),
          text(root, "reservationCode"),
          text(root, "officeCode"),
          text(root, "dropoffOfficeCode"),
          text(root, "categoryCode"),
          localDateTime(root, "pickupAt"),
          localDateTime(root, "dropoffAt"),
          driver(root.get("driver")));
    } catch (IllegalArgumentException malformed) {
      throw new InvalidRequestException(malformed.getMessage());
    }
  }

  /** The request id of a cancellation body {@code {"requestId": "..."}}. */
  String cancellationRequestId(String body) {
    String requestId = text(object(body), "requestId");
    if (requestId == null || requestId.isBlank()) {
      throw new InvalidRequestException("requestId: is required");
    }
    if (requestId.length() > BookingRequest.MAX_ID_LENGTH) {
      throw new InvalidRequestException(
          "requestId: must be at most " + BookingRequest.MAX_ID_LENGTH + " characters");
    }
    return requestId;
  }

  FaultSettings faultSettings(String body) {
    JsonNode root = object(body);
    JsonNode latency = root.get("latencyMillis");
    JsonNode rate = root.get("failureRate");
    if (isPresent(latency) && !latency.isIntegralNumber()) {
      throw new InvalidRequestException("latencyMillis: must be an integer");
    }
    if (isPresent(rate) && !rate.isNumber()) {
      throw new InvalidRequestException("failureRate: must be a number");
    }
    try {
      return new FaultSettings(
          Duration.ofMillis(isPresent(latency) ? latency.longValue() : 0),
          isPresent(rate) ? rate.doubleValue() : 0,
          constant(root, "failureMode", FailureMode.class, null),
          constant(root, "failurePoint", FailurePoint.class, FailurePoint.BEFORE_PROCESSING));
    } catch (IllegalArgumentException invalid) {
      throw new InvalidRequestException(invalid.getMessage());
    }
  }

  private JsonNode object(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidRequestException("The request body must be a JSON object");
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException malformed) {
      throw new InvalidRequestException("The request body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidRequestException("The request body must be a JSON object");
    }
    return root;
  }

  private static Driver driver(JsonNode node) {
    if (!isPresent(node)) {
      return null;
    }
    if (!node.isObject()) {
      throw new InvalidRequestException("driver: must be an object");
    }
    return new Driver(
        text(node, "firstName", "driver.firstName"), text(node, "lastName", "driver.lastName"));
  }

  private static String text(JsonNode parent, String field) {
    return text(parent, field, field);
  }

  private static String text(JsonNode parent, String field, String path) {
    JsonNode value = parent.get(field);
    if (!isPresent(value)) {
      return null;
    }
    if (!value.isString()) {
      throw new InvalidRequestException(path + ": must be a string");
    }
    return value.stringValue();
  }

  private static LocalDateTime localDateTime(JsonNode parent, String field) {
    String value = text(parent, field);
    if (value == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    } catch (DateTimeParseException malformed) {
      throw new InvalidRequestException(
          field + ": must be a local date-time such as 2027-03-10T09:30:00 (no offset)");
    }
  }

  private static <E extends Enum<E>> E constant(
      JsonNode parent, String field, Class<E> type, E absent) {
    String value = text(parent, field);
    if (value == null) {
      return absent;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException unknown) {
      throw new InvalidRequestException(
          field + ": must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  private static boolean isPresent(JsonNode node) {
    return node != null && !node.isNull();
  }
}
