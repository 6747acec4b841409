package com.reservas.reservation.application.port.in;

import com.reservas.privacy.PersonalDataMasker;

/**
 * A reservation request as the client sent it: every field may be missing or malformed, which is
 * why all are plain nullable strings. {@link
 * com.reservas.reservation.application.service.ReservationRequestValidator} turns it into domain
 * values or into the complete list of field errors.
 */
public record ReservationRequest(
    String firstName,
    String lastName,
    String email,
    String phone,
    String categoryCode,
    String supplierCode,
    String pickupOfficeCode,
    String pickupAt,
    String dropoffOfficeCode,
    String dropoffAt,
    String paymentMethodToken) {

  /** Personal data and the payment token masked (privacy module): safe in a log line. */
  @Override
  public String toString() {
    PersonalDataMasker masker = PersonalDataMasker.standard();
    return "ReservationRequest[firstName="
        + masker.maskName(firstName)
        + ", lastName="
        + masker.maskName(lastName)
        + ", email="
        + masker.maskEmail(email)
        + ", phone="
        + masker.maskPhone(phone)
        + ", categoryCode="
        + categoryCode
        + ", supplierCode="
        + supplierCode
        + ", pickupOfficeCode="
        + pickupOfficeCode
        + ", pickupAt="
        + pickupAt
        + ", dropoffOfficeCode="
        + dropoffOfficeCode
        + ", dropoffAt="
        + dropoffAt
        + ", paymentMethodToken="
        + masker.maskToken(paymentMethodToken)
        + "]";
  }

  /** The request as one canonical string, for idempotency-key comparison. */
  public String canonicalForm() {
    return String.join(
        "\u001f",
        String.valueOf(firstName),
        String.valueOf(lastName),
        String.valueOf(email),
        String.valueOf(phone),
        String.valueOf(categoryCode),
        String.valueOf(supplierCode),
        String.valueOf(pickupOfficeCode),
        String.valueOf(pickupAt),
        String.valueOf(dropoffOfficeCode),
        String.valueOf(dropoffAt),
        String.valueOf(paymentMethodToken));
  }
}
