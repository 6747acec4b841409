package com.reservas.reservation.application.fakes;

import com.reservas.reservation.application.port.in.ReservationRequest;

/**
 * The specification's example request, for the tests of every module that creates reservations (the
 * core's use cases, persistence, the relay): one definition, so a change to the request shape is
 * made once.
 */
public final class ExampleRequests {

  private ExampleRequests() {}

  /** A CDAR from Madrid airport to Barcelona airport, five started days, paid with a test card. */
  public static ReservationRequest madridToBarcelona() {
    return new ReservationRequest(
        "Ana",
        "García Núñez",
        "ana@example.com",
        "+34600111222",
        "CDAR",
        "IBERCAR",
        "MAD-AIRPORT",
        "2027-03-10T09:30:00",
        "BCN-AIRPORT",
        "2027-03-14T18:00:00",
        "pm_card_visa");
  }
}
