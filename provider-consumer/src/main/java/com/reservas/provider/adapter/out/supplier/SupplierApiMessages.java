package com.reservas.provider.adapter.out.supplier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.reservas.privacy.PersonalDataMasker;
import com.reservas.provider.domain.BookingRequest;
import com.reservas.provider.domain.CancellationRequest;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The JSON bodies of the supplier contract ({@code supplier-api.yaml}) that this client uses. */
final class SupplierApiMessages {

  private SupplierApiMessages() {}

  /** {@code BookingRequest}: dates as office-local ISO date-times with seconds. */
  record BookingBody(
      String requestId,
      String reservationCode,
      String officeCode,
      String dropoffOfficeCode,
      String categoryCode,
      String pickupAt,
      String dropoffAt,
      DriverBody driver) {

    static BookingBody of(BookingRequest request) {
      return new BookingBody(
          request.requestId(),
          request.reservationCode(),
          request.officeCode(),
          request.dropoffOfficeCode(),
          request.categoryCode(),
          DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(request.pickupAt()),
          DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(request.dropoffAt()),
          new DriverBody(request.driver().firstName(), request.driver().lastName()));
    }
  }

  record DriverBody(String firstName, String lastName) {
    /** Masked (privacy module): a request body in a log line gives nobody away. */
    @Override
    public String toString() {
      return "DriverBody["
          + PersonalDataMasker.standard().maskName(firstName)
          + " "
          + PersonalDataMasker.standard().maskName(lastName)
          + "]";
    }
  }

  /** {@code CancellationRequest}. */
  record CancellationBody(String requestId) {

    static CancellationBody of(CancellationRequest request) {
      return new CancellationBody(request.requestId());
    }
  }

  /** The fields of {@code Booking} this client reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record BookingReply(String bookingReference, String status) {}

  /** The answer of {@code findBookingsByRequestId}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record BookingList(List<BookingReply> bookings) {}

  /** {@code BookingRejection} ({@code 422}) and {@code Error} (every other error answer). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ErrorReply(String reason, String message) {}
}
