package com.reservas.reservation.adapter.in.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.reservas.privacy.PersonalDataMasker;
import com.reservas.reservation.domain.Handover;
import com.reservas.reservation.domain.PaymentStatus;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationStatus;
import com.reservas.reservation.domain.StatusChange;
import com.reservas.reservation.domain.SupplierStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The reservation as clients see it (docs/spec.md §4). The payment token never leaves the service;
 * times are UTC with microseconds, office-local times as the customer gave them. The
 * {@code @Schema} annotations are the OpenAPI contract of the answer (docs/openapi.json).
 */
@Schema(
    name = "Reservation",
    description =
        "A reservation, its status and sub-statuses, and the history of its status changes.")
record ReservationView(
    @Schema(
            description = "The reservation's code: 8 characters from A-Z and 0-9.",
            pattern = ReservationView.CODE_PATTERN,
            example = "K7P2QX9A",
            requiredMode = REQUIRED)
        String code,
    @Schema(
            implementation = ReservationStatus.class,
            description =
                "Where the reservation is: CREATED, then PAYMENT_IN_PROGRESS, PAID and"
                    + " SUPPLIER_CONFIRMED; or CANCELLED.",
            requiredMode = REQUIRED)
        String status,
    @Schema(
            implementation = PaymentStatus.class,
            description = "Where the payment is.",
            requiredMode = REQUIRED)
        String paymentStatus,
    @Schema(
            implementation = SupplierStatus.class,
            description = "Where the supplier booking is.",
            requiredMode = REQUIRED)
        String supplierStatus,
    @Schema(requiredMode = REQUIRED) Customer customer,
    @Schema(requiredMode = REQUIRED) Vehicle vehicle,
    @Schema(description = "Where and when the car is picked up.", requiredMode = REQUIRED)
        Stop pickup,
    @Schema(description = "Where and when the car is returned.", requiredMode = REQUIRED)
        Stop dropoff,
    @Schema(requiredMode = REQUIRED) Price price,
    @Schema(
            description = "When the reservation was created (UTC, microseconds).",
            format = "date-time",
            example = "2026-11-28T22:10:04.123456Z",
            requiredMode = REQUIRED)
        String createdAt,
    @Schema(
            description = "When the reservation last changed (UTC, microseconds).",
            format = "date-time",
            example = "2026-11-28T22:10:05.654321Z",
            requiredMode = REQUIRED)
        String updatedAt,
    @Schema(
            description = "Why it was cancelled; null unless CANCELLED.",
            types = {"string", "null"},
            example = "Plans changed",
            requiredMode = REQUIRED)
        String cancellationReason,
    @Schema(description = "Every status change, oldest first.", requiredMode = REQUIRED)
        List<HistoryEntry> history) {

  /** A reservation code as the API shows it. */
  static final String CODE_PATTERN = "^[A-Z0-9]{8}$";

  private static final DateTimeFormatter UTC_MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOCAL_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  @Schema(
      name = "Customer",
      description =
          "The person renting the car. Personal data: shown only to the client that created it.")
  record Customer(
      @Schema(
              description =
                  "Given name: letters of any script, spaces, apostrophes, hyphens, dots.",
              maxLength = 60,
              pattern = NAME_PATTERN,
              example = "Ana",
              requiredMode = REQUIRED)
          String firstName,
      @Schema(
              description = "Family name(s), same rules as firstName.",
              maxLength = 60,
              pattern = NAME_PATTERN,
              example = "García Núñez",
              requiredMode = REQUIRED)
          String lastName,
      @Schema(
              description = "E-mail address.",
              format = "email",
              maxLength = 254,
              example = "ana@example.com",
              requiredMode = REQUIRED)
          String email,
      @Schema(
              description =
                  "International phone number (E.164). Spaces, hyphens and parentheses are"
                      + " accepted and removed.",
              pattern = "^\\+[1-9][0-9]{7,14}$",
              example = "+34600111222",
              requiredMode = REQUIRED)
          String phone) {
    /** Masked (privacy module): a view in a log line or a failed assertion gives nobody away. */
    @Override
    public String toString() {
      PersonalDataMasker masker = PersonalDataMasker.standard();
      return "Customer[firstName="
          + masker.maskName(firstName)
          + ", lastName="
          + masker.maskName(lastName)
          + ", email="
          + masker.maskEmail(email)
          + ", phone="
          + masker.maskPhone(phone)
          + "]";
    }
  }

  @Schema(name = "Vehicle", description = "The ACRISS category and the supplier that rents it.")
  record Vehicle(
      @Schema(
              description = "ACRISS category code (GET /api/v1/vehicle-categories).",
              pattern = CATALOGUE_CODE_PATTERN,
              example = "CDAR",
              requiredMode = REQUIRED)
          String categoryCode,
      @Schema(
              description = "Supplier code (GET /api/v1/suppliers).",
              pattern = CATALOGUE_CODE_PATTERN,
              example = "IBERCAR",
              requiredMode = REQUIRED)
          String supplierCode) {}

  @Schema(name = "Stop", description = "An office and an office-local time.")
  record Stop(
      @Schema(
              description = "Office code (GET /api/v1/offices).",
              pattern = CATALOGUE_CODE_PATTERN,
              example = "MAD-AIRPORT",
              requiredMode = REQUIRED)
          String officeCode,
      @Schema(
              description =
                  "Office-local date-time without offset, to the minute or second; within the"
                      + " office's opening hours.",
              pattern = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$",
              example = "2027-03-10T09:30:00",
              requiredMode = REQUIRED)
          String at) {}

  @Schema(name = "Price", description = "Daily rate times started 24-hour periods.")
  record Price(
      @Schema(
              description = "Decimal amount with two decimals.",
              pattern = "^[0-9]+\\.[0-9]{2}$",
              example = "412.00",
              requiredMode = REQUIRED)
          String amount,
      @Schema(
              description = "ISO 4217 currency code.",
              pattern = "^[A-Z]{3}$",
              example = "EUR",
              requiredMode = REQUIRED)
          String currency) {}

  @Schema(name = "StatusChange", description = "One step of the reservation's history.")
  record HistoryEntry(
      @Schema(implementation = ReservationStatus.class, requiredMode = REQUIRED) String status,
      @Schema(
              description = "When (UTC, microseconds).",
              format = "date-time",
              example = "2026-11-28T22:10:04.123456Z",
              requiredMode = REQUIRED)
          String at,
      @Schema(
              description = "Why, when the change has a reason (a decline, a cancellation...).",
              types = {"string", "null"},
              example = "payment declined: insufficient_funds",
              requiredMode = REQUIRED)
          String reason) {}

  /** Names: letters of any script, then letters, spaces, apostrophes, hyphens and dots. */
  static final String NAME_PATTERN = "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.-]*$";

  /** Office, supplier and category codes. */
  static final String CATALOGUE_CODE_PATTERN = "^[A-Z0-9-]{2,16}$";

  static ReservationView of(Reservation r) {
    var c = r.details().customer();
    var v = r.details().vehicle();
    return new ReservationView(
        r.code().value(),
        r.status().name(),
        r.paymentStatus().name(),
        r.supplierStatus().name(),
        new Customer(c.firstName(), c.lastName(), c.email(), c.phone()),
        new Vehicle(v.categoryCode(), v.supplierCode()),
        stop(r.details().period().pickup()),
        stop(r.details().period().dropoff()),
        new Price(r.price().amountText(), r.price().currency()),
        utc(r.createdAt()),
        utc(r.updatedAt()),
        r.cancellationReason(),
        r.history().stream().map(ReservationView::entry).toList());
  }

  private static HistoryEntry entry(StatusChange change) {
    return new HistoryEntry(change.status().name(), utc(change.at()), change.reason());
  }

  private static Stop stop(Handover handover) {
    return new Stop(handover.officeCode(), LOCAL_SECONDS.format(handover.at()));
  }

  static String utc(Instant instant) {
    return UTC_MICROS.format(instant);
  }
}
