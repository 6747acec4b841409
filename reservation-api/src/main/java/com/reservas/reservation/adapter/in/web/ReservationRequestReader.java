package com.reservas.reservation.adapter.in.web;

import com.reservas.reservation.application.port.in.FieldError;
import com.reservas.reservation.application.port.in.ReservationRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the JSON body of {@code POST /api/v1/reservations} field by field, so that malformed JSON,
 * wrong types and unknown fields become field errors next to the semantic ones, instead of one
 * opaque parse failure. Unknown fields are rejected: the contract is closed, and a stray {@code
 * cvv} or card number never gets in unnoticed.
 */
final class ReservationRequestReader {

  /** The sections of the body and the string fields each holds. */
  private static final Map<String, List<String>> SHAPE = ReservationRequestBody.shape();

  /**
   * Date-times as the contract shows them, to the minute or second: a four-digit year (the database
   * keeps no other) and no fractions of a second (it would drop them).
   */
  private static final Pattern LOCAL_DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");

  private static final Set<String> DATE_TIMES = Set.of("pickup.at", "dropoff.at");

  private final ObjectMapper json;

  ReservationRequestReader(ObjectMapper json) {
    this.json = json;
  }

  /** The request as far as it could be read, and the structural errors found. */
  record ReadResult(ReservationRequest request, List<FieldError> errors) {}

  ReadResult read(String body) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode root;
    try {
      root = body == null || body.isBlank() ? null : json.readTree(body);
    } catch (JacksonException e) {
      errors.add(new FieldError("$", "is not well-formed JSON"));
      return new ReadResult(empty(), errors);
    }
    if (root == null || !root.isObject()) {
      errors.add(new FieldError("$", "must be a JSON object"));
      return new ReadResult(empty(), errors);
    }
    rejectUnknown(root, SHAPE.keySet(), "", errors);
    Map<String, String> values = new LinkedHashMap<>();
    SHAPE.forEach(
        (section, fields) -> {
          JsonNode node = root.get(section);
          if (node == null || node.isNull()) {
            return;
          }
          if (!node.isObject()) {
            errors.add(new FieldError(section, "must be an object"));
            return;
          }
          rejectUnknown(node, fields, section + ".", errors);
          for (String field : fields) {
            String path = section + "." + field;
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
              continue;
            }
            if (!value.isString()) {
              errors.add(new FieldError(path, "must be a string"));
            } else if (DATE_TIMES.contains(path)
                && !value.stringValue().isBlank()
                && !LOCAL_DATE_TIME.matcher(value.stringValue()).matches()) {
              errors.add(
                  new FieldError(
                      path, "must be an office-local date-time like 2027-03-10T09:30:00"));
            } else {
              values.put(path, value.stringValue());
            }
          }
        });
    return new ReadResult(request(values), errors);
  }

  private static void rejectUnknown(
      JsonNode node, Collection<String> known, String prefix, List<FieldError> errors) {
    for (String name : node.propertyNames()) {
      if (!known.contains(name)) {
        errors.add(new FieldError(prefix + safeName(name), "is not a known field"));
      }
    }
  }

  /** Field names are echoed in errors, so only harmless ones are shown as they are. */
  private static String safeName(String name) {
    return name.matches("[A-Za-z0-9_]{1,40}") ? name : "(unnamed)";
  }

  private static ReservationRequest request(Map<String, String> v) {
    return new ReservationRequest(
        v.get("customer.firstName"),
        v.get("customer.lastName"),
        v.get("customer.email"),
        v.get("customer.phone"),
        v.get("vehicle.categoryCode"),
        v.get("vehicle.supplierCode"),
        v.get("pickup.officeCode"),
        v.get("pickup.at"),
        v.get("dropoff.officeCode"),
        v.get("dropoff.at"),
        v.get("payment.paymentMethodToken"));
  }

  private static ReservationRequest empty() {
    return request(Map.of());
  }
}
