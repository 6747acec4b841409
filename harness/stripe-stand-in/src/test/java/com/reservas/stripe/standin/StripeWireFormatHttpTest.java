package com.reservas.stripe.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the stand-in answers on the wire, as curl or another Stripe SDK would see it. */
class StripeWireFormatHttpTest {

  private static final String FORM =
      "amount=41200&currency=eur&confirm=true&capture_method=manual"
          + "&payment_method=pm_card_visa&metadata%5Breservation_code%5D=WIRE0001";

  private final StripeStandIn standIn = new StripeStandIn();
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeEach
  void start() {
    standIn.start(0);
  }

  @AfterEach
  void stop() {
    standIn.stop();
  }

  @Test
  void withoutAnApiKeyAnswers401LikeStripe() throws Exception {
    HttpResponse<String> response = post("/v1/payment_intents", FORM, null, null);

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode error = json.readTree(response.body()).get("error");
    assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
    assertThat(error.get("message").asString()).startsWith("You did not provide an API key.");
  }

  @Test
  void acceptsTheKeyAsBasicAuthUserLikeCurlDashU() throws Exception {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((StripeClients.TEST_KEY + ":").getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> response = post("/v1/payment_intents", FORM, basic, null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode intent = json.readTree(response.body());
    assertThat(intent.get("status").asString()).isEqualTo("requires_capture");
    assertThat(intent.get("metadata").get("reservation_code").asString()).isEqualTo("WIRE0001");
    assertThat(response.headers().firstValue("Request-Id").orElseThrow()).startsWith("req_");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
  }

  @Test
  void replaysCarryTheOriginalRequestId() throws Exception {
    String bearer = "Bearer " + StripeClients.TEST_KEY;
    HttpResponse<String> first = post("/v1/payment_intents", FORM, bearer, "wire-key-1");
    String reordered =
        "metadata[reservation_code]=WIRE0001&payment_method=pm_card_visa&capture_method=manual"
            + "&confirm=true&currency=eur&amount=41200";

    HttpResponse<String> replay = post("/v1/payment_intents", reordered, bearer, "wire-key-1");

    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(replay.headers().firstValue("Original-Request"))
        .isEqualTo(first.headers().firstValue("Request-Id"));
    assertThat(replay.headers().firstValue("Idempotency-Key")).contains("wire-key-1");
  }

  @Test
  void sameKeyOnAnotherEndpointIsAnIdempotencyError() throws Exception {
    String bearer = "Bearer " + StripeClients.TEST_KEY;
    post("/v1/payment_intents", FORM, bearer, "wire-key-2");

    HttpResponse<String> other = post("/v1/refunds", "payment_intent=pi_x", bearer, "wire-key-2");

    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(json.readTree(other.body()).get("error").get("type").asString())
        .isEqualTo("idempotency_error");
  }

  @Test
  void unknownUrlIsAStripeStyle404() throws Exception {
    HttpResponse<String> response =
        post("/v1/charges", "amount=100", "Bearer " + StripeClients.TEST_KEY, null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json.readTree(response.body()).get("error").get("message").asString())
        .startsWith("Unrecognized request URL (POST: /v1/charges)");
  }

  @Test
  void invalidIntegerIsAParameterError() throws Exception {
    HttpResponse<String> response =
        post(
            "/v1/payment_intents",
            "amount=12.50&currency=eur",
            "Bearer " + StripeClients.TEST_KEY,
            null);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = json.readTree(response.body()).get("error");
    assertThat(error.get("code").asString()).isEqualTo("parameter_invalid_integer");
    assertThat(error.get("param").asString()).isEqualTo("amount");
  }

  private HttpResponse<String> post(
      String path, String form, String authorization, String idempotencyKey) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(standIn.baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
