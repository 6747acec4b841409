package com.reservas.supplier.simulator;

import static com.reservas.supplier.simulator.SupplierApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.supplier.simulator.booking.Booking;
import com.reservas.supplier.simulator.booking.BookingStatus;
import com.reservas.supplier.simulator.stats.SupplierStats;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The supplier API as the provider-consumer sees it: booking, idempotency, cancellation. */
class BookingScenariosTest {

  private static final SupplierSimulator simulator = new SupplierSimulator();
  private static SupplierApiClient supplier;

  @BeforeAll
  static void startSimulator() {
    simulator.start(0);
    supplier = new SupplierApiClient(simulator.baseUrl());
  }

  @AfterAll
  static void stopSimulator() {
    simulator.stop();
  }

  @BeforeEach
  void freshSupplier() {
    simulator.reset();
  }

  @Test
  void aBookingForAFreeCarIsConfirmedWithAReferenceAndTheCarTaken() throws IOException {
    HttpResponse<String> response =
        supplier.book(BookingJson.forReservation("K7P2QX9A").at("MAD-AIRPORT").json());

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode booking = json(response);
    assertThat(booking.get("status").stringValue()).isEqualTo("CONFIRMED");
    assertThat(booking.get("bookingReference").stringValue()).matches("SB[A-Z2-9]{8}");
    assertThat(booking.get("requestId").stringValue()).isEqualTo("K7P2QX9A-book");
    assertThat(booking.get("reservationCode").stringValue()).isEqualTo("K7P2QX9A");
    assertThat(booking.get("pickupAt").stringValue()).isEqualTo("2027-03-10T09:30:00");
    assertThat(booking.get("dropoffAt").stringValue()).isEqualTo("2027-03-14T18:00:00");
    assertThat(booking.get("driver").get("lastName").stringValue()).isEqualTo("García Núñez");
    assertThat(booking.get("carId").stringValue()).isEqualTo("MAD-AIRPORT-CDAR-001");
    assertThat(booking.get("cancelledAt").isNull()).isTrue();
    assertThat(response.headers().firstValue("Location"))
        .hasValue("/v1/bookings/" + booking.get("bookingReference").stringValue());
    assertThat(response.headers().firstValue("Idempotent-Replayed")).isEmpty();
  }

  @Test
  void aThirdOverlappingBookingAtMalagaAirportIsRejectedForWantOfCars() throws IOException {
    assertThat(supplier.book(BookingJson.forReservation("AAAAAAAA").json()).statusCode())
        .isEqualTo(201);
    assertThat(
            supplier
                .book(
                    BookingJson.forReservation("BBBBBBBB")
                        .between("2027-03-12T10:00:00", "2027-03-13T10:00:00")
                        .json())
                .statusCode())
        .isEqualTo(201);

    HttpResponse<String> third =
        supplier.book(
            BookingJson.forReservation("CCCCCCCC")
                .between("2027-03-12T12:00:00", "2027-03-16T08:00:00")
                .json());

    assertThat(third.statusCode()).isEqualTo(422);
    JsonNode rejection = json(third);
    assertThat(rejection.get("status").stringValue()).isEqualTo("REJECTED");
    assertThat(rejection.get("reason").stringValue()).isEqualTo("NO_AVAILABILITY");
    assertThat(rejection.get("requestId").stringValue()).isEqualTo("CCCCCCCC-book");
    assertThat(rejection.get("message").stringValue()).contains("CDAR", "AGP-AIRPORT");
    assertThat(simulator.bookingsFor("CCCCCCCC")).isEmpty();
  }

  @Test
  void aThirdBookingAtMalagaAirportForOtherDatesIsConfirmed() throws IOException {
    supplier.book(BookingJson.forReservation("AAAAAAAA").json());
    supplier.book(BookingJson.forReservation("BBBBBBBB").json());

    HttpResponse<String> later =
        supplier.book(
            BookingJson.forReservation("CCCCCCCC")
                .between("2027-03-14T18:00:00", "2027-03-16T18:00:00")
                .json());

    assertThat(later.statusCode())
        .as("drop-off is exclusive: the car is back at 18:00")
        .isEqualTo(201);
  }

  @Test
  void anotherCategoryAtMalagaAirportHasItsOwnTwoCars() throws IOException {
    supplier.book(BookingJson.forReservation("AAAAAAAA").json());
    supplier.book(BookingJson.forReservation("BBBBBBBB").json());

    assertThat(
            supplier
                .book(BookingJson.forReservation("CCCCCCCC").category("ECMN").json())
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void aBookingNeedsOneCarForTheWholePeriodNotJustSomeCarAtEveryMoment() throws IOException {
    book("AAAAAAAA", "2027-03-01T10:00:00", "2027-03-03T10:00:00");
    String placeholder = reference(book("TEMP0001", "2027-03-03T10:00:00", "2027-03-05T10:00:00"));
    book("BBBBBBBB", "2027-03-03T10:00:00", "2027-03-05T10:00:00");
    supplier.cancel(placeholder, "TEMP0001-cancel");
    // Car 1 is out from the 1st to the 3rd, car 2 from the 3rd to the 5th: one car is always free.

    HttpResponse<String> spanning = book("DDDDDDDD", "2027-03-02T10:00:00", "2027-03-04T10:00:00");

    assertThat(spanning.statusCode())
        .as("no single car is free from the 2nd to the 4th")
        .isEqualTo(422);
  }

  private static HttpResponse<String> book(
      String reservationCode, String pickupAt, String dropoffAt) throws IOException {
    return supplier.book(
        BookingJson.forReservation(reservationCode).between(pickupAt, dropoffAt).json());
  }

  private static String reference(HttpResponse<String> confirmed) {
    return json(confirmed).get("bookingReference").stringValue();
  }

  @Test
  void cancellingABookingFreesItsCarForTheNextCustomer() throws IOException {
    String reference =
        json(supplier.book(BookingJson.forReservation("AAAAAAAA").json()))
            .get("bookingReference")
            .stringValue();
    supplier.book(BookingJson.forReservation("BBBBBBBB").json());
    assertThat(supplier.book(BookingJson.forReservation("CCCCCCCC").json()).statusCode())
        .isEqualTo(422);

    HttpResponse<String> cancellation = supplier.cancel(reference, "AAAAAAAA-cancel");

    assertThat(cancellation.statusCode()).isEqualTo(200);
    assertThat(json(cancellation).get("status").stringValue()).isEqualTo("CANCELLED");
    assertThat(json(cancellation).get("cancelledAt").isNull()).isFalse();
    assertThat(supplier.book(BookingJson.forReservation("DDDDDDDD").json()).statusCode())
        .isEqualTo(201);
  }

  @Test
  void cancellingTwiceAnswersTheSameAndCountsOnce() throws IOException {
    String reference =
        json(supplier.book(BookingJson.forReservation("AAAAAAAA").json()))
            .get("bookingReference")
            .stringValue();

    HttpResponse<String> first = supplier.cancel(reference, "AAAAAAAA-cancel");
    HttpResponse<String> again = supplier.cancel(reference, "AAAAAAAA-cancel");

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(simulator.stats().cancellations()).isEqualTo(1);
    assertThat(json(supplier.getBooking(reference)).get("status").stringValue())
        .isEqualTo("CANCELLED");
  }

  @Test
  void cancellingAnUnknownBookingIsNotFound() throws IOException {
    HttpResponse<String> response = supplier.cancel("SBNOTHERE", "X-cancel");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("reason").stringValue()).isEqualTo("BOOKING_NOT_FOUND");
  }

  @Test
  void aCancellationRequestIdCannotCancelAnotherBooking() throws IOException {
    String first =
        json(supplier.book(BookingJson.forReservation("AAAAAAAA").json()))
            .get("bookingReference")
            .stringValue();
    String second =
        json(supplier.book(BookingJson.forReservation("BBBBBBBB").json()))
            .get("bookingReference")
            .stringValue();
    supplier.cancel(first, "same-cancel-id");

    HttpResponse<String> reused = supplier.cancel(second, "same-cancel-id");

    assertThat(reused.statusCode()).isEqualTo(409);
    assertThat(json(reused).get("reason").stringValue()).isEqualTo("REQUEST_ID_REUSED");
    assertThat(simulator.booking(second).orElseThrow().status()).isEqualTo(BookingStatus.CONFIRMED);
  }

  @Test
  void aCancellationWithoutRequestIdIsABadRequest() throws IOException {
    String reference =
        json(supplier.book(BookingJson.forReservation("AAAAAAAA").json()))
            .get("bookingReference")
            .stringValue();

    HttpResponse<String> response = supplier.post("/v1/bookings/" + reference + "/cancellation");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(simulator.booking(reference).orElseThrow().isCancelled()).isFalse();
  }

  @Test
  void retryingWithTheSameRequestIdReturnsTheSameBookingWithoutTakingAnotherCar()
      throws IOException {
    String body = BookingJson.forReservation("K7P2QX9A").json();

    HttpResponse<String> first = supplier.book(body);
    HttpResponse<String> retry = supplier.book(body);

    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(json(retry).get("bookingReference")).isEqualTo(json(first).get("bookingReference"));
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(simulator.bookingsFor("K7P2QX9A")).hasSize(1);
    assertThat(supplier.book(BookingJson.forReservation("OTHER001").json()).statusCode())
        .as("the second of the two cars is still free")
        .isEqualTo(201);
  }

  @Test
  void aRetryWithTheSameMeaningInAnotherSpellingIsStillARetry() throws IOException {
    supplier.book(BookingJson.forReservation("K7P2QX9A").json());

    HttpResponse<String> retry =
        supplier.book(
            BookingJson.forReservation("K7P2QX9A")
                .between("2027-03-10T09:30", "2027-03-14T18:00:00.000")
                .json());

    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
  }

  @Test
  void aRejectedRequestIdStaysRejectedEvenAfterACarIsFreed() throws IOException {
    String reference =
        json(supplier.book(BookingJson.forReservation("AAAAAAAA").json()))
            .get("bookingReference")
            .stringValue();
    supplier.book(BookingJson.forReservation("BBBBBBBB").json());
    String rejectedBody = BookingJson.forReservation("CCCCCCCC").json();
    supplier.book(rejectedBody);
    supplier.cancel(reference, "AAAAAAAA-cancel");

    HttpResponse<String> retry = supplier.book(rejectedBody);

    assertThat(retry.statusCode()).isEqualTo(422);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(
            supplier
                .book(BookingJson.forReservation("CCCCCCCC").requestId("CCCCCCCC-book-2").json())
                .statusCode())
        .as("a new request id asks again")
        .isEqualTo(201);
  }

  @Test
  void reusingARequestIdWithAnotherBodyIsAConflictAndBooksNothing() throws IOException {
    supplier.book(BookingJson.forReservation("K7P2QX9A").json());

    HttpResponse<String> reused =
        supplier.book(BookingJson.forReservation("K7P2QX9A").driver("Eva", "Pérez").json());

    assertThat(reused.statusCode()).isEqualTo(409);
    assertThat(json(reused).get("reason").stringValue()).isEqualTo("REQUEST_ID_REUSED");
    assertThat(simulator.bookingsFor("K7P2QX9A")).hasSize(1);
  }

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({
    "AGP,        CDAR, UNKNOWN_OFFICE",
    "agp-airport,CDAR, UNKNOWN_OFFICE",
    "MAD-AIRPORT,CDA,  UNKNOWN_CATEGORY",
    "MAD-AIRPORT,CDAK, UNKNOWN_CATEGORY",
    "MAD-AIRPORT,QDAR, UNKNOWN_CATEGORY"
  })
  void codesTheSupplierDoesNotKnowAreRejectedWithTheirReason(
      String office, String category, String reason) throws IOException {
    HttpResponse<String> response =
        supplier.book(BookingJson.forReservation("K7P2QX9A").at(office).category(category).json());

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).get("reason").stringValue()).isEqualTo(reason);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not JSON              | {not json                                              | not valid JSON",
        "not an object         | [1,2]                                                  | JSON object",
        "missing requestId     | {\"reservationCode\":\"X\"}                            | requestId: is required",
        "wrong type            | {\"requestId\":7}                                      | requestId: must be a string",
      })
  void malformedBodiesAreBadRequests(String name, String body, String message) throws IOException {
    HttpResponse<String> response = supplier.book(body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("reason").stringValue()).isEqualTo("INVALID_REQUEST");
    assertThat(json(response).get("message").stringValue()).contains(message);
  }

  @ParameterizedTest(name = "{0} .. {1}")
  @CsvSource({
    "2027-03-14T18:00:00,  2027-03-10T09:30:00, dropoffAt: must be after pickupAt",
    "2027-03-10T09:30:00,  2027-03-10T09:30:00, dropoffAt: must be after pickupAt",
    "2027-03-10T09:30:00Z, 2027-03-14T18:00:00, pickupAt: must be a local date-time",
    "10/03/2027,           2027-03-14T18:00:00, pickupAt: must be a local date-time"
  })
  void malformedPeriodsAreBadRequests(String pickupAt, String dropoffAt, String message)
      throws IOException {
    HttpResponse<String> response =
        supplier.book(BookingJson.forReservation("K7P2QX9A").between(pickupAt, dropoffAt).json());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").stringValue()).startsWith(message);
  }

  @Test
  void aBadRequestIsNotRememberedSoTheCorrectedRequestCanUseTheSameId() throws IOException {
    supplier.book(
        BookingJson.forReservation("K7P2QX9A")
            .between("2027-03-14T18:00:00", "2027-03-10T09:30:00")
            .json());

    assertThat(supplier.book(BookingJson.forReservation("K7P2QX9A").json()).statusCode())
        .isEqualTo(201);
  }

  @Test
  void readingABookingShowsItAndAnUnknownOneIsNotFound() throws IOException {
    JsonNode booked = json(supplier.book(BookingJson.forReservation("K7P2QX9A").json()));
    String reference = booked.get("bookingReference").stringValue();

    assertThat(json(supplier.getBooking(reference))).isEqualTo(booked);
    assertThat(supplier.getBooking("SBNOTHERE").statusCode()).isEqualTo(404);
  }

  @Test
  void anUnknownPathIsNotFoundWithAnErrorBody() throws IOException {
    HttpResponse<String> response = supplier.get("/v2/whatever");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("reason").stringValue()).isEqualTo("NOT_FOUND");
  }

  @Test
  void operatorsListBookingsPerReservationWithDriversReducedToInitials() throws IOException {
    supplier.book(BookingJson.forReservation("AAAAAAAA").json());
    supplier.book(BookingJson.forReservation("BBBBBBBB").at("BCN-AIRPORT").json());

    JsonNode all = json(supplier.get("/admin/bookings"));
    JsonNode one = json(supplier.get("/admin/bookings?reservationCode=BBBBBBBB"));

    assertThat(all).hasSize(2);
    assertThat(one).hasSize(1);
    assertThat(one.get(0).get("officeCode").stringValue()).isEqualTo("BCN-AIRPORT");
    assertThat(one.get(0).get("driver").get("firstName").stringValue()).isEqualTo("A***");
    assertThat(one.get(0).get("driver").get("lastName").stringValue()).isEqualTo("G***");
  }

  @Test
  void statsCountAttemptsBookingsRejectionsReplaysAndCancellations() throws IOException {
    String reference =
        json(supplier.book(BookingJson.forReservation("AAAAAAAA").json()))
            .get("bookingReference")
            .stringValue();
    supplier.book(BookingJson.forReservation("AAAAAAAA").json());
    supplier.book(BookingJson.forReservation("BBBBBBBB").json());
    supplier.book(BookingJson.forReservation("CCCCCCCC").json());
    supplier.cancel(reference, "AAAAAAAA-cancel");

    JsonNode stats = json(supplier.get("/admin/stats"));

    assertThat(stats.get("bookingAttempts").asLong()).isEqualTo(4);
    assertThat(stats.get("bookingsMade").asLong()).isEqualTo(2);
    assertThat(stats.get("rejections").asLong()).isEqualTo(1);
    assertThat(stats.get("idempotentReplays").asLong()).isEqualTo(1);
    assertThat(stats.get("cancellations").asLong()).isEqualTo(1);
    assertThat(stats.get("faultsInjected").asLong()).isZero();
    assertThat(simulator.stats()).isEqualTo(new SupplierStats(4, 2, 1, 1, 0, 1));
  }

  @Test
  void testsSeeTheBookingsOfAReservationThroughJava() throws IOException {
    supplier.book(BookingJson.forReservation("K7P2QX9A").json());

    assertThat(simulator.bookingsFor("K7P2QX9A"))
        .singleElement()
        .satisfies(
            booking -> {
              assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
              assertThat(booking.request().requestId()).isEqualTo("K7P2QX9A-book");
              assertThat(booking.carId()).isEqualTo("AGP-AIRPORT-CDAR-001");
            });
    assertThat(simulator.bookings())
        .extracting(Booking::reservationCode)
        .containsExactly("K7P2QX9A");
  }

  @Test
  void theHealthEndpointSaysUp() throws IOException {
    assertThat(json(supplier.get("/admin/health")).get("status").stringValue()).isEqualTo("UP");
  }
}
