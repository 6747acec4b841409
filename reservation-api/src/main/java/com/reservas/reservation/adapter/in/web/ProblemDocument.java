package com.reservas.reservation.adapter.in.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The OpenAPI contract of every error answer ({@link Problems}, {@link ProblemWriter}): RFC 9457
 * problem details, with {@code errors} for invalid input. Documentation only; the answers are
 * Spring's {@code ProblemDetail}.
 */
@Schema(
    name = "Problem",
    description =
        "RFC 9457 problem details (application/problem+json). 'type' identifies the problem for"
            + " programs; 'errors' lists every invalid field of a 422.")
record ProblemDocument(
    @Schema(
            description = "What went wrong, as a URI to match on.",
            format = "uri",
            example = "https://reservas.example/problems/invalid-input",
            requiredMode = REQUIRED)
        String type,
    @Schema(
            description = "Short summary of the problem type.",
            example = "Invalid input",
            requiredMode = REQUIRED)
        String title,
    @Schema(
            description = "The HTTP status.",
            example = "422",
            minimum = "400",
            maximum = "599",
            requiredMode = REQUIRED)
        int status,
    @Schema(
            description = "What happened this time.",
            example = "2 fields are invalid",
            requiredMode = REQUIRED)
        String detail,
    @Schema(
            description = "The request path.",
            format = "uri-reference",
            example = "/api/v1/reservations")
        String instance,
    @Schema(description = "Every invalid field (422 only).") List<InvalidField> errors) {

  @Schema(name = "FieldError", description = "One invalid field of the request.")
  record InvalidField(
      @Schema(
              description = "The field's JSON path, or a header name, or $ for the whole body.",
              example = "pickup.at",
              requiredMode = REQUIRED)
          String field,
      @Schema(
              description = "What is wrong with it.",
              example = "must be in the future",
              requiredMode = REQUIRED)
          String message) {}
}
