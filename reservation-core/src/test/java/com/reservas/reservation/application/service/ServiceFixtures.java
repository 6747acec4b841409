package com.reservas.reservation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.reservation.application.fakes.ExampleRequests;
import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase.OutcomeCommand;
import com.reservas.reservation.application.port.in.ReservationRequest;
import com.reservas.reservation.application.port.out.ExternalCallLog.ExternalCall;
import com.reservas.reservation.domain.Customer;
import com.reservas.reservation.domain.Handover;
import com.reservas.reservation.domain.Money;
import com.reservas.reservation.domain.Outcome;
import com.reservas.reservation.domain.RentalPeriod;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationCode;
import com.reservas.reservation.domain.ReservationDetails;
import com.reservas.reservation.domain.Transition;
import com.reservas.reservation.domain.VehicleChoice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Test fixtures for the application services: a valid request and reservations in any state. */
final class ServiceFixtures {

  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final String CLIENT = "client-1";
  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private ServiceFixtures() {}

  static Clock clockAt(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  /** The spec's example: a CDAR from Madrid airport to Barcelona airport, five started days. */
  static ReservationRequest validRequest() {
    return ExampleRequests.madridToBarcelona();
  }

  static ReservationRequest withCategory(ReservationRequest r, String categoryCode) {
    return new ReservationRequest(
        r.firstName(),
        r.lastName(),
        r.email(),
        r.phone(),
        categoryCode,
        r.supplierCode(),
        r.pickupOfficeCode(),
        r.pickupAt(),
        r.dropoffOfficeCode(),
        r.dropoffAt(),
        r.paymentMethodToken());
  }

  static ReservationDetails details() {
    return new ReservationDetails(
        new Customer("Ana", "García Núñez", "ana@example.com", "+34600111222"),
        new VehicleChoice("CDAR", "IBERCAR"),
        new RentalPeriod(
            new Handover("MAD-AIRPORT", LocalDateTime.parse("2027-03-10T09:30:00"), MADRID),
            new Handover("BCN-AIRPORT", LocalDateTime.parse("2027-03-14T18:00:00"), MADRID)),
        "pm_card_visa");
  }

  static Instant pickup() {
    return details().period().pickup().instant();
  }

  /** A reservation just created at {@code at}: status CREATED, version 0. */
  static Reservation created(String code, String clientId, Instant at) {
    return Reservation.create(
            new ReservationCode(code),
            clientId,
            details(),
            new Money(new BigDecimal("412.00"), "EUR"),
            at)
        .reservation();
  }

  static Reservation created(String code) {
    return created(code, CLIENT, NOW);
  }

  /** The reservation after the outcomes, each applied one second after the previous change. */
  static Reservation after(Reservation reservation, Outcome... outcomes) {
    Reservation r = reservation;
    for (Outcome outcome : outcomes) {
      r = applied(r.apply(outcome, r.updatedAt().plusSeconds(1)));
    }
    return r;
  }

  static Reservation paymentInProgress(String code) {
    return after(created(code), new Outcome.PaymentAuthorizationStarted());
  }

  static Reservation paid(String code) {
    return after(paymentInProgress(code), new Outcome.PaymentAuthorized("pi_1"));
  }

  static Reservation supplierConfirmed(String code) {
    return after(paid(code), new Outcome.SupplierConfirmed("BK-1"));
  }

  static Reservation cancelledByCustomer(Reservation r) {
    return applied(r.cancel("changed my mind", r.updatedAt().plusSeconds(1)));
  }

  /** Another writer's reminder: a newer version with nothing else changed. */
  static Reservation remindedByAnotherWriter(Reservation r) {
    return applied(r.remind("reminded elsewhere", r.updatedAt().plusSeconds(1)));
  }

  static Reservation applied(Transition transition) {
    assertThat(transition).isInstanceOf(Transition.Applied.class);
    return ((Transition.Applied) transition).reservation();
  }

  static OutcomeCommand outcome(
      String consumer, UUID eventId, String code, Outcome outcome, List<ExternalCall> calls) {
    return new OutcomeCommand(
        consumer, eventId, code, outcome, NOW.plusSeconds(30), calls, TRACEPARENT);
  }

  static ExternalCall stripeCall(String operation) {
    return new ExternalCall(
        operation,
        "req_" + operation,
        "POST",
        "https://api.stripe.com/v1/payment_intents",
        "{\"amount\":41200}",
        200,
        "{\"status\":\"requires_capture\"}",
        NOW.plusSeconds(29),
        120);
  }
}
