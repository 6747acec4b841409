package com.reservas.reservation.adapter.in.web;

import com.reservas.reservation.application.port.in.FieldError;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a request body that must be a JSON object with known fields only, for the controllers that
 * parse their bodies themselves (so that every field error reaches the problem answer at once).
 */
public final class JsonObjectBodies {

  private JsonObjectBodies() {}

  /**
   * The object in {@code body}; {@code null} when it is not one, with the reason added to {@code
   * errors}. Each field not in {@code known} adds an error too (its name only when it looks like
   * one, so that nothing hostile is echoed back).
   */
  public static JsonNode read(
      ObjectMapper json, String body, Set<String> known, List<FieldError> errors) {
    try {
      JsonNode root = body == null || body.isBlank() ? null : json.readTree(body);
      if (root == null || !root.isObject()) {
        errors.add(new FieldError("$", "must be a JSON object"));
        return null;
      }
      for (String field : root.propertyNames()) {
        if (!known.contains(field)) {
          errors.add(
              new FieldError(
                  field.matches("[A-Za-z0-9_]{1,40}") ? field : "(unnamed)",
                  "is not a known field"));
        }
      }
      return root;
    } catch (JacksonException e) {
      errors.add(new FieldError("$", "is not well-formed JSON"));
      return null;
    }
  }
}
