package com.reservas.provider.adapter.out.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.consumer.support.resilience.ResilienceSettings;
import com.reservas.provider.FirstRequestsFail;
import com.reservas.provider.Reservations;
import com.reservas.provider.application.port.out.SupplierGateway.BookingAnswer;
import com.reservas.provider.application.port.out.SupplierGateway.CancellationAnswer;
import com.reservas.provider.application.port.out.SupplierRequestRefusedException;
import com.reservas.provider.application.port.out.SupplierUnavailableException;
import com.reservas.provider.domain.BookingRequest;
import com.reservas.provider.domain.CancellationRequest;
import com.reservas.provider.domain.Driver;
import com.reservas.provider.domain.ReservationSnapshot;
import com.reservas.supplier.simulator.SupplierSimulator;
import com.reservas.supplier.simulator.booking.BookingStatus;
import com.reservas.supplier.simulator.fault.FailureMode;
import com.reservas.supplier.simulator.fault.FailurePoint;
import com.reservas.supplier.simulator.fault.FaultSettings;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The supplier client against the simulator over HTTP: answers, retries, breaker, audit. */
class WebClientSupplierGatewayTest {

  private static final SupplierSimulator supplier = new SupplierSimulator();

  private SupplierGatewayFixture fixture;

  @BeforeAll
  static void startSupplier() {
    supplier.start(0);
  }

  @AfterAll
  static void stopSupplier() {
    supplier.stop();
  }

  @BeforeEach
  void healthySupplier() {
    supplier.reset();
    fixture = new SupplierGatewayFixture(supplier.baseUrl());
  }

  @Test
  void aPaidReservationIsBookedAndTheCallIsRecordedWithTheDriverMasked() {
    BookingRequest request =
        BookingRequest.of(Reservations.paid(Reservations.newCode(), "MAD-AIRPORT"));

    BookingAnswer answer = fixture.gateway.book(request);

    assertThat(answer).isInstanceOf(BookingAnswer.Confirmed.class);
    String reference = ((BookingAnswer.Confirmed) answer).bookingReference();
    assertThat(supplier.bookingsFor(request.reservationCode()))
        .singleElement()
        .satisfies(booking -> assertThat(booking.bookingReference()).isEqualTo(reference));
    assertThat(answer.calls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.operation()).isEqualTo("supplier.bookings.create");
              assertThat(call.requestId()).isEqualTo(request.reservationCode() + "-book");
              assertThat(call.method()).isEqualTo("POST");
              assertThat(call.url()).isEqualTo(supplier.baseUrl() + "/v1/bookings");
              assertThat(call.responseStatus()).isEqualTo(201);
              assertThat(call.requestBody())
                  .contains("\"pickupAt\":\"2027-03-10T09:30:00\"")
                  .contains("\"officeCode\":\"MAD-AIRPORT\"")
                  .doesNotContain("Ana")
                  .doesNotContain("García");
              assertThat(call.responseBody())
                  .contains(reference)
                  .doesNotContain("Ana")
                  .doesNotContain("García");
            });
  }

  @Test
  void aThirdOverlappingBookingAtMalagaAirportIsRejectedAtOnceAndNotRetried() {
    book("AGP-AIRPORT");
    book("AGP-AIRPORT");
    BookingRequest third =
        BookingRequest.of(Reservations.paid(Reservations.newCode(), "AGP-AIRPORT"));

    BookingAnswer answer = fixture.gateway.book(third);

    assertThat(answer)
        .isInstanceOfSatisfying(
            BookingAnswer.Rejected.class,
            rejected -> assertThat(rejected.reason()).isEqualTo("NO_AVAILABILITY"));
    assertThat(
            fixture
                .meters
                .get("reservas.external.call")
                .tags("dependency", "supplier", "operation", "book", "outcome", "answered")
                .timer()
                .count())
        .as("the two bookings and the rejection, each an answered supplier call")
        .isEqualTo(3);
    assertThat(answer.calls()).extracting(HttpExchange::responseStatus).containsExactly(422);
    assertThat(supplier.stats().bookingAttempts()).isEqualTo(3);
  }

  @Test
  void serverErrorsAreRetriedUnderTheSameRequestIdAndBookOnce() {
    BookingRequest request =
        BookingRequest.of(Reservations.paid(Reservations.newCode(), "MAD-AIRPORT"));

    BookingAnswer answer =
        FirstRequestsFail.of(supplier, 2, FaultSettings.failing(FailureMode.HTTP_500))
            .during(() -> fixture.gateway.book(request));

    assertThat(answer).isInstanceOf(BookingAnswer.Confirmed.class);
    assertThat(answer.calls())
        .extracting(HttpExchange::responseStatus)
        .startsWith(500, 500)
        .endsWith(201);
    assertThat(answer.calls())
        .extracting(HttpExchange::requestId)
        .containsOnly(request.requestId());
    assertThat(supplier.bookingsFor(request.reservationCode())).hasSize(1);
  }

  @Test
  void anAnswerLostAfterTheBookingWasMadeIsRecoveredByTheRetryWithoutASecondCar() {
    BookingRequest request =
        BookingRequest.of(Reservations.paid(Reservations.newCode(), "MAD-AIRPORT"));
    FaultSettings resetAfterBooking =
        FaultSettings.failing(FailureMode.CONNECTION_RESET).at(FailurePoint.AFTER_PROCESSING);

    BookingAnswer answer =
        FirstRequestsFail.of(supplier, 1, resetAfterBooking)
            .during(() -> fixture.gateway.book(request));

    assertThat(answer).isInstanceOf(BookingAnswer.Confirmed.class);
    assertThat(answer.calls()).extracting(HttpExchange::responseStatus).startsWith(0).endsWith(201);
    assertThat(supplier.bookingsFor(request.reservationCode())).hasSize(1);
    assertThat(supplier.stats().idempotentReplays()).isEqualTo(answer.calls().size() - 1);
  }

  @Test
  void anAnswerThatNeverComesIsCutShortByTheTimeLimiterAndRetried() {
    BookingRequest request =
        BookingRequest.of(Reservations.paid(Reservations.newCode(), "MAD-AIRPORT"));
    FaultSettings hangAfterBooking =
        FaultSettings.failing(FailureMode.TIMEOUT).at(FailurePoint.AFTER_PROCESSING);

    BookingAnswer answer =
        FirstRequestsFail.of(supplier, 1, hangAfterBooking)
            .during(() -> fixture.gateway.book(request));

    assertThat(answer).isInstanceOf(BookingAnswer.Confirmed.class);
    assertThat(answer.calls()).extracting(HttpExchange::responseStatus).startsWith(0).endsWith(201);
    assertThat(answer.calls().get(0).duration().toMillis())
        .isGreaterThanOrEqualTo(SupplierGatewayFixture.CALL_TIMEOUT.toMillis() - 50);
    assertThat(answer.calls().get(0).responseBody()).isEqualTo("no answer in time");
    assertThat(supplier.bookingsFor(request.reservationCode())).hasSize(1);
  }

  @Test
  void aSupplierThatKeepsFailingIsUnavailableAfterTheLastAttempt() {
    supplier.setFaults(FaultSettings.failing(FailureMode.HTTP_503));
    BookingRequest request =
        BookingRequest.of(Reservations.paid(Reservations.newCode(), "MAD-AIRPORT"));

    SupplierUnavailableException failure =
        catchThrowableOfType(
            SupplierUnavailableException.class, () -> fixture.gateway.book(request));

    assertThat(failure.calls())
        .extracting(HttpExchange::responseStatus)
        .containsExactly(503, 503, 503, 503, 503);
    assertThat(failure).hasMessageContaining("failed after 5 attempt(s)");
    assertThat(supplier.bookingsFor(request.reservationCode())).isEmpty();
  }

  @Test
  void aSupplierThatIsNotListeningIsUnavailable() {
    SupplierGatewayFixture nowhere = new SupplierGatewayFixture("http://127.0.0.1:9");
    BookingRequest request =
        BookingRequest.of(Reservations.paid(Reservations.newCode(), "MAD-AIRPORT"));

    SupplierUnavailableException failure =
        catchThrowableOfType(
            SupplierUnavailableException.class, () -> nowhere.gateway.book(request));

    assertThat(failure.calls())
        .hasSize(SupplierGatewayFixture.MAX_ATTEMPTS)
        .allSatisfy(call -> assertThat(call.answered()).isFalse());
  }

  @Test
  void theBreakerOpensAfterRepeatedFailuresAndClosesAgainOnceTheSupplierRecovered()
      throws InterruptedException {
    SupplierGatewayFixture guarded =
        new SupplierGatewayFixture(
            supplier.baseUrl(),
            new ResilienceSettings.CircuitBreaker(50, 4, 4, Duration.ofMillis(300), 1));
    CircuitBreaker breaker = guarded.resilience.circuitBreaker();
    supplier.setFaults(FaultSettings.failing(FailureMode.HTTP_500));
    BookingRequest first =
        BookingRequest.of(Reservations.paid(Reservations.newCode(), "MAD-AIRPORT"));

    for (int operation = 1; operation <= 4; operation++) {
      assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
      catchThrowableOfType(SupplierUnavailableException.class, () -> guarded.gateway.book(first));
    }
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    long attemptsWhenOpened = supplier.stats().bookingAttempts();
    assertThat(attemptsWhenOpened).isEqualTo(4 * SupplierGatewayFixture.MAX_ATTEMPTS);

    SupplierUnavailableException refused =
        catchThrowableOfType(SupplierUnavailableException.class, () -> guarded.gateway.book(first));
    assertThat(refused).hasCauseInstanceOf(CallNotPermittedException.class);
    assertThat(refused.calls()).isEmpty();
    assertThat(supplier.stats().bookingAttempts()).isEqualTo(attemptsWhenOpened);

    supplier.clearFaults();
    Thread.sleep(400);
    BookingAnswer answer = guarded.gateway.book(first);

    assertThat(answer).isInstanceOf(BookingAnswer.Confirmed.class);
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(supplier.bookingsFor(first.reservationCode())).hasSize(1);
  }

  @Test
  void cancellingAConfirmedBookingFreesItsCar() {
    String reference = book("AGP-AIRPORT");
    book("AGP-AIRPORT");
    String code = supplier.booking(reference).orElseThrow().reservationCode();
    ReservationSnapshot cancelled =
        Reservations.cancelledAfterConfirmation(code, "AGP-AIRPORT", reference);

    CancellationAnswer answer =
        fixture.gateway.cancel(CancellationRequest.of(cancelled, reference));

    assertThat(answer.bookingReference()).isEqualTo(reference);
    assertThat(answer.calls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.operation()).isEqualTo("supplier.bookings.cancel");
              assertThat(call.requestId()).isEqualTo(code + "-cancel");
              assertThat(call.url()).endsWith("/v1/bookings/" + reference + "/cancellation");
              assertThat(call.responseStatus()).isEqualTo(200);
            });
    assertThat(supplier.booking(reference).orElseThrow().status())
        .isEqualTo(BookingStatus.CANCELLED);
    assertThat(book("AGP-AIRPORT")).isNotNull();
  }

  @Test
  void aRequestIdReusedWithAnotherBodyIsRefusedAndNotRetried() {
    BookingRequest request =
        BookingRequest.of(Reservations.paid(Reservations.newCode(), "MAD-AIRPORT"));
    fixture.gateway.book(request);
    BookingRequest changed =
        new BookingRequest(
            request.requestId(),
            request.reservationCode(),
            request.supplierCode(),
            request.officeCode(),
            request.dropoffOfficeCode(),
            "SFAR",
            request.pickupAt(),
            request.dropoffAt(),
            new Driver("Ana", "García Núñez"));

    SupplierRequestRefusedException refused =
        catchThrowableOfType(
            SupplierRequestRefusedException.class, () -> fixture.gateway.book(changed));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.reason()).isEqualTo("REQUEST_ID_REUSED");
    assertThat(refused.calls()).hasSize(1);
  }

  @Test
  void cancellingABookingTheSupplierDoesNotKnowIsRefused() {
    ReservationSnapshot cancelled =
        Reservations.cancelledAfterConfirmation(
            Reservations.newCode(), "MAD-AIRPORT", "SBNOSUCH00");

    SupplierRequestRefusedException refused =
        catchThrowableOfType(
            SupplierRequestRefusedException.class,
            () -> fixture.gateway.cancel(CancellationRequest.of(cancelled, "SBNOSUCH00")));

    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.reason()).isEqualTo("BOOKING_NOT_FOUND");
  }

  private String book(String officeCode) {
    BookingRequest request =
        BookingRequest.of(Reservations.paid(Reservations.newCode(), officeCode));
    BookingAnswer answer = fixture.gateway.book(request);
    assertThat(answer).isInstanceOf(BookingAnswer.Confirmed.class);
    return ((BookingAnswer.Confirmed) answer).bookingReference();
  }
}
