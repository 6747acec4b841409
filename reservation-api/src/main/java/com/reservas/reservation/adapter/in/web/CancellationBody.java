package com.reservas.reservation.adapter.in.web;

import com.reservas.reservation.application.port.in.FieldError;
import com.reservas.reservation.application.service.CardDataPolicy;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The optional {@code {"reason": "..."}} body of a cancellation, validated like any free text. */
final class CancellationBody {

  static final int MAX_REASON_LENGTH = 500;
  private static final Pattern PLAIN_TEXT =
      Pattern.compile("[\\p{L}\\p{M}\\p{N}\\p{Zs}.,;:!?'’()\\-/]*");

  record Parsed(String reason, List<FieldError> errors) {}

  /** The body's OpenAPI contract; the body is optional and read by {@link #parse}. */
  @Schema(
      name = "CancellationRequest",
      description = "Why the customer cancels (optional). Unknown fields are refused (422).",
      additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
  record Document(
      @Schema(
              description = "Plain text: letters, digits, spaces and punctuation.",
              maxLength = MAX_REASON_LENGTH,
              example = "Plans changed")
          String reason) {}

  private CancellationBody() {}

  static Parsed parse(String body, ObjectMapper json) {
    List<FieldError> errors = new ArrayList<>();
    if (body == null || body.isBlank()) {
      return new Parsed(null, errors);
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException e) {
      errors.add(new FieldError("$", "is not well-formed JSON"));
      return new Parsed(null, errors);
    }
    if (!root.isObject()) {
      errors.add(new FieldError("$", "must be a JSON object"));
      return new Parsed(null, errors);
    }
    for (String name : root.propertyNames()) {
      if (!name.equals("reason")) {
        errors.add(
            new FieldError(
                name.matches("[A-Za-z0-9_]{1,40}") ? name : "(unnamed)", "is not a known field"));
      }
    }
    JsonNode reason = root.get("reason");
    if (reason == null || reason.isNull()) {
      return new Parsed(null, errors);
    }
    if (!reason.isString()) {
      errors.add(new FieldError("reason", "must be a string"));
      return new Parsed(null, errors);
    }
    String text = reason.stringValue().strip();
    if (text.length() > MAX_REASON_LENGTH) {
      errors.add(new FieldError("reason", "must be at most " + MAX_REASON_LENGTH + " characters"));
    } else if (CardDataPolicy.containsCardNumber(text)) {
      errors.add(new FieldError("reason", "must not contain card data"));
    } else if (!PLAIN_TEXT.matcher(text).matches()) {
      errors.add(
          new FieldError("reason", "may contain only letters, digits, spaces and punctuation"));
    }
    return new Parsed(errors.isEmpty() ? text : null, errors);
  }
}
