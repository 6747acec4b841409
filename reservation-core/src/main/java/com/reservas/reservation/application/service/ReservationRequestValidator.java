package com.reservas.reservation.application.service;

import com.reservas.reservation.application.port.in.FieldError;
import com.reservas.reservation.application.port.in.ReservationRequest;
import com.reservas.reservation.domain.Customer;
import com.reservas.reservation.domain.Handover;
import com.reservas.reservation.domain.Office;
import com.reservas.reservation.domain.ReferenceData;
import com.reservas.reservation.domain.RentalPeriod;
import com.reservas.reservation.domain.ReservationDetails;
import com.reservas.reservation.domain.VehicleCategory;
import com.reservas.reservation.domain.VehicleChoice;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a reservation request against the contract and the catalogue, collecting every field error
 * rather than stopping at the first, so a client fixes its request in one round trip.
 */
public final class ReservationRequestValidator {

  /** Longest rental accepted; longer ones are a business rule violation, not invalid input. */
  public static final Duration MAX_RENTAL = Duration.ofDays(90);

  static final int MAX_NAME_LENGTH = 60;
  static final int MAX_EMAIL_LENGTH = 254;
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} '’.-]*");
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
  private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");
  private static final Pattern PHONE_SEPARATORS = Pattern.compile("[ ()-]");
  private static final Pattern CODE = Pattern.compile("[A-Z0-9-]{2,16}");
  private static final Pattern PAYMENT_METHOD_TOKEN = Pattern.compile("pm_[A-Za-z0-9_]{1,250}");

  /** The outcome of validation: details to reserve, or the reasons not to. */
  public sealed interface Validation {
    /** Everything is valid. */
    record Valid(ReservationDetails details, VehicleCategory category) implements Validation {}

    /** At least one field is invalid. */
    record Invalid(List<FieldError> errors) implements Validation {}

    /** Well-formed but against a business rule. */
    record RuleViolated(String rule, String message) implements Validation {}
  }

  public Validation validate(ReservationRequest request, ReferenceData catalogue, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    Optional<Customer> customer = customer(request, errors);
    Optional<String> token =
        required(request.paymentMethodToken(), "payment.paymentMethodToken", errors)
            .filter(
                t ->
                    check(
                        PAYMENT_METHOD_TOKEN.matcher(t).matches(),
                        "payment.paymentMethodToken",
                        "must be a Stripe PaymentMethod id (pm_...); card numbers are never accepted",
                        errors));
    Optional<VehicleCategory> category =
        code(request.categoryCode(), "vehicle.categoryCode", errors)
            .flatMap(c -> known(catalogue.category(c), "vehicle.categoryCode", c, errors));
    Optional<String> supplier =
        code(request.supplierCode(), "vehicle.supplierCode", errors)
            .flatMap(c -> known(catalogue.supplier(c), "vehicle.supplierCode", c, errors))
            .map(s -> s.code());
    Optional<Office> pickupOffice =
        code(request.pickupOfficeCode(), "pickup.officeCode", errors)
            .flatMap(c -> known(catalogue.office(c), "pickup.officeCode", c, errors));
    Optional<Office> dropoffOffice =
        code(request.dropoffOfficeCode(), "dropoff.officeCode", errors)
            .flatMap(c -> known(catalogue.office(c), "dropoff.officeCode", c, errors));
    Optional<LocalDateTime> pickupAt = dateTime(request.pickupAt(), "pickup.at", errors);
    Optional<LocalDateTime> dropoffAt = dateTime(request.dropoffAt(), "dropoff.at", errors);

    Optional<Handover> pickup = pickupOffice.flatMap(o -> pickupAt.map(at -> handover(o, at)));
    Optional<Handover> dropoff = dropoffOffice.flatMap(o -> dropoffAt.map(at -> handover(o, at)));
    pickup.ifPresent(
        p -> check(p.instant().isAfter(now), "pickup.at", "must be in the future", errors));
    if (pickup.isPresent() && dropoff.isPresent()) {
      check(
          dropoff.get().instant().isAfter(pickup.get().instant()),
          "dropoff.at",
          "must be after pickup.at",
          errors);
    }
    if (supplier.isPresent() && category.isPresent() && pickupOffice.isPresent()) {
      check(
          catalogue.serves(supplier.get(), pickupOffice.get().code(), category.get().code()),
          "vehicle.supplierCode",
          "supplier %s does not rent category %s at %s"
              .formatted(supplier.get(), category.get().code(), pickupOffice.get().code()),
          errors);
    }
    if (supplier.isPresent() && dropoffOffice.isPresent()) {
      check(
          catalogue.servesOffice(supplier.get(), dropoffOffice.get().code()),
          "dropoff.officeCode",
          "supplier %s does not take cars back at %s"
              .formatted(supplier.get(), dropoffOffice.get().code()),
          errors);
    }
    if (!errors.isEmpty()) {
      return new Validation.Invalid(errors);
    }
    RentalPeriod period = new RentalPeriod(pickup.orElseThrow(), dropoff.orElseThrow());
    Optional<Validation> violation = businessRules(period, pickupOffice.get(), dropoffOffice.get());
    if (violation.isPresent()) {
      return violation.get();
    }
    ReservationDetails details =
        new ReservationDetails(
            customer.orElseThrow(),
            new VehicleChoice(category.get().code(), supplier.get()),
            period,
            token.orElseThrow());
    return new Validation.Valid(details, category.get());
  }

  private static Optional<Validation> businessRules(
      RentalPeriod period, Office pickupOffice, Office dropoffOffice) {
    if (Duration.between(period.pickup().instant(), period.dropoff().instant())
            .compareTo(MAX_RENTAL)
        > 0) {
      return Optional.of(
          new Validation.RuleViolated(
              "rental-too-long", "A rental lasts at most " + MAX_RENTAL.toDays() + " days"));
    }
    if (!pickupOffice.isOpenAt(period.pickup().at().toLocalTime())) {
      return Optional.of(officeClosed(pickupOffice, "pickup"));
    }
    if (!dropoffOffice.isOpenAt(period.dropoff().at().toLocalTime())) {
      return Optional.of(officeClosed(dropoffOffice, "drop-off"));
    }
    return Optional.empty();
  }

  private static Validation officeClosed(Office office, String what) {
    return new Validation.RuleViolated(
        "office-closed",
        "Office %s is open %s–%s; choose a %s time within its opening hours"
            .formatted(office.code(), office.opensAt(), office.closesAt(), what));
  }

  private static Optional<Customer> customer(ReservationRequest request, List<FieldError> errors) {
    Optional<String> firstName = name(request.firstName(), "customer.firstName", errors);
    Optional<String> lastName = name(request.lastName(), "customer.lastName", errors);
    Optional<String> email =
        required(request.email(), "customer.email", errors)
            .map(String::trim)
            .filter(
                e ->
                    check(
                        e.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(e).matches(),
                        "customer.email",
                        "must be an e-mail address",
                        errors));
    Optional<String> phone =
        required(request.phone(), "customer.phone", errors)
            .map(p -> PHONE_SEPARATORS.matcher(p.trim()).replaceAll(""))
            .filter(
                p ->
                    check(
                        PHONE.matcher(p).matches(),
                        "customer.phone",
                        "must be an international number like +34600111222",
                        errors));
    if (firstName.isEmpty() || lastName.isEmpty() || email.isEmpty() || phone.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Customer(firstName.get(), lastName.get(), email.get(), phone.get()));
  }

  private static Optional<String> name(String raw, String field, List<FieldError> errors) {
    return required(raw, field, errors)
        .map(String::strip)
        .filter(
            n ->
                check(
                    n.length() <= MAX_NAME_LENGTH,
                    field,
                    "must be at most " + MAX_NAME_LENGTH + " characters",
                    errors))
        .filter(
            n ->
                check(
                    NAME.matcher(n).matches(),
                    field,
                    "may contain only letters, spaces, apostrophes, hyphens and dots",
                    errors));
  }

  private static Optional<String> code(String raw, String field, List<FieldError> errors) {
    return required(raw, field, errors)
        .filter(c -> check(CODE.matcher(c).matches(), field, "is not a valid code", errors));
  }

  private static <T> Optional<T> known(
      Optional<T> found, String field, String code, List<FieldError> errors) {
    if (found.isEmpty()) {
      errors.add(new FieldError(field, "unknown code " + code));
    }
    return found;
  }

  private static Optional<LocalDateTime> dateTime(
      String raw, String field, List<FieldError> errors) {
    return required(raw, field, errors).flatMap(parse(field, errors));
  }

  private static Function<String, Optional<LocalDateTime>> parse(
      String field, List<FieldError> errors) {
    return text -> {
      try {
        return Optional.of(LocalDateTime.parse(text));
      } catch (DateTimeParseException e) {
        errors.add(
            new FieldError(field, "must be an office-local date-time like 2027-03-10T09:30:00"));
        return Optional.empty();
      }
    };
  }

  private static Optional<String> required(String raw, String field, List<FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      errors.add(new FieldError(field, "is required"));
      return Optional.empty();
    }
    if (CardDataPolicy.containsCardNumber(raw)) {
      errors.add(new FieldError(field, "must not contain card data"));
      return Optional.empty();
    }
    return Optional.of(raw);
  }

  private static boolean check(
      boolean condition, String field, String message, List<FieldError> errors) {
    if (!condition) {
      errors.add(new FieldError(field, message));
    }
    return condition;
  }

  private static Handover handover(Office office, LocalDateTime at) {
    return new Handover(office.code(), at, office.zone());
  }
}
