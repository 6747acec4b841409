package com.reservas.load.integrity;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads the supplier simulator's books ({@code GET /admin/bookings}): the cars booked for each
 * reservation since the simulator started, and which of them are still held.
 */
final class SupplierProbe {

  /** One reservation's bookings at the supplier. */
  record Bookings(long made, long held) {

    static final Bookings NONE = new Bookings(0, 0);

    Bookings plus(boolean stillHeld) {
      return new Bookings(made + 1, held + (stillHeld ? 1 : 0));
    }
  }

  private SupplierProbe() {}

  /** The bookings per reservation code; throws if the simulator does not answer. */
  static Map<String, Bookings> bookings(String baseUrl) throws IOException, InterruptedException {
    Map<String, Bookings> bookings = new HashMap<>();
    for (JsonNode booking : AdminJson.get(baseUrl + "/admin/bookings")) {
      bookings.merge(
          booking.path("reservationCode").asString(),
          Bookings.NONE.plus("CONFIRMED".equals(booking.path("status").asString())),
          (a, b) -> new Bookings(a.made() + b.made(), a.held() + b.held()));
    }
    return bookings;
  }
}
