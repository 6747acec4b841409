package com.reservas.load.integrity;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads the Stripe stand-in's books ({@code GET /__admin/stats}): what happened to the money of
 * each reservation since the stand-in started.
 */
final class StripeProbe {

  /** One reservation's money movements at the stand-in. */
  record Charges(long authorizations, long declines, long captures, long voids, long refunds) {

    static final Charges NONE = new Charges(0, 0, 0, 0, 0);

    /** Authorized or captured more than once: charged twice. */
    boolean chargedMoreThanOnce() {
      return authorizations > 1 || captures > 1;
    }

    /** An authorization neither captured nor released. */
    boolean authorizationLeftOpen() {
      return authorizations > captures + voids;
    }

    /** Captured and not refunded. */
    boolean moneyKept() {
      return captures > refunds;
    }
  }

  private StripeProbe() {}

  /** The charges per reservation code; throws if the stand-in does not answer. */
  static Map<String, Charges> charges(String baseUrl) throws IOException, InterruptedException {
    JsonNode reservations = AdminJson.get(baseUrl + "/__admin/stats").path("reservations");
    Map<String, Charges> charges = new HashMap<>();
    for (Map.Entry<String, JsonNode> entry : reservations.properties()) {
      JsonNode c = entry.getValue();
      charges.put(
          entry.getKey(),
          new Charges(
              c.path("authorizations").asLong(),
              c.path("declines").asLong(),
              c.path("captures").asLong(),
              c.path("voids").asLong(),
              c.path("refunds").asLong()));
    }
    return charges;
  }
}
