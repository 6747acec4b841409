package com.reservas.load.integrity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/__admin/stats"))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET /__admin/stats answered " + response.statusCode());
    }
    JsonNode reservations = JsonMapper.shared().readTree(response.body()).path("reservations");
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
