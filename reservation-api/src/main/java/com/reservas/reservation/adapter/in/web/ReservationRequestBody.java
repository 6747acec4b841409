package com.reservas.reservation.adapter.in.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/reservations} as the OpenAPI document shows it. The request is
 * not bound to this record — {@link ReservationRequestReader} reads it field by field to report
 * every error at once — but the reader takes its sections and fields from here ({@link #shape()}),
 * so the document and what is accepted cannot drift apart.
 */
@Schema(
    name = "ReservationRequest",
    description =
        "What to reserve. Every field is required; unknown fields are refused (422), anywhere in"
            + " the body, so a stray card field never gets in. All invalid fields are reported at"
            + " once.",
    additionalProperties = AdditionalPropertiesValue.FALSE)
record ReservationRequestBody(
    @Schema(requiredMode = REQUIRED) ReservationView.Customer customer,
    @Schema(requiredMode = REQUIRED) ReservationView.Vehicle vehicle,
    @Schema(
            description = "Where and when the car is picked up (in the future).",
            requiredMode = REQUIRED)
        ReservationView.Stop pickup,
    @Schema(
            description = "Where and when the car is returned (after pickup, at most 90 days).",
            requiredMode = REQUIRED)
        ReservationView.Stop dropoff,
    @Schema(requiredMode = REQUIRED) Payment payment) {

  @Schema(
      name = "Payment",
      description = "How the customer pays: a Stripe PaymentMethod id, never card data.",
      additionalProperties = AdditionalPropertiesValue.FALSE)
  record Payment(
      @Schema(
              description =
                  "Stripe PaymentMethod id created by the client with Stripe.js or the mobile SDK.",
              pattern = "^pm_[A-Za-z0-9_]{1,250}$",
              example = "pm_card_visa",
              requiredMode = REQUIRED)
          String paymentMethodToken) {}

  /** The sections of the body and the string fields each holds, in document order. */
  static Map<String, List<String>> shape() {
    Map<String, List<String>> shape = new LinkedHashMap<>();
    for (RecordComponent section : ReservationRequestBody.class.getRecordComponents()) {
      shape.put(
          section.getName(),
          Arrays.stream(section.getType().getRecordComponents())
              .map(RecordComponent::getName)
              .toList());
    }
    return Collections.unmodifiableMap(shape);
  }
}
