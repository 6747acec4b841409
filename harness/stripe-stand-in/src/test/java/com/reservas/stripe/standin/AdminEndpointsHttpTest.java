package com.reservas.stripe.standin;

import static com.reservas.stripe.standin.StripeClients.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.model.PaymentIntent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code /__admin} endpoints, used over HTTP as a demo or another process would. */
class AdminEndpointsHttpTest {

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
  void putFaultsAppliesThemAndGetShowsThem() throws Exception {
    HttpResponse<String> put =
        send(
            "PUT",
            "/__admin/faults",
            "{\"latencyMillis\":5,\"failureRate\":1.0,\"failureMode\":\"HTTP_500\",\"maxFailures\":2}");

    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(json.readTree(put.body()).get("failureMode").asString()).isEqualTo("HTTP_500");
    assertThat(standIn.faults()).isEqualTo(new FaultSettings(5, 1.0, FailureMode.HTTP_500, 2));
    assertThatThrownBy(
            () ->
                StripeClients.client(standIn)
                    .v1()
                    .paymentIntents()
                    .create(authorization("ADMIN001", 41_200, "pm_card_visa")))
        .isInstanceOf(ApiException.class);

    JsonNode current = json.readTree(send("GET", "/__admin/faults", null).body());
    assertThat(current.get("maxFailures").asInt()).isEqualTo(1);
    assertThat(current.get("latencyMillis").asLong()).isEqualTo(5);
  }

  @Test
  void deleteFaultsBehavesLikeStripeAgain() throws Exception {
    send("PUT", "/__admin/faults", "{\"failureRate\":1.0,\"failureMode\":\"HTTP_429\"}");

    HttpResponse<String> delete = send("DELETE", "/__admin/faults", null);

    assertThat(delete.statusCode()).isEqualTo(204);
    assertThat(standIn.faults().isNone()).isTrue();
    PaymentIntent authorized =
        StripeClients.client(standIn)
            .v1()
            .paymentIntents()
            .create(authorization("ADMIN002", 41_200, "pm_card_visa"));
    assertThat(authorized.getStatus()).isEqualTo("requires_capture");
  }

  @Test
  void invalidFaultSettingsAreRefused() throws Exception {
    assertThat(send("PUT", "/__admin/faults", "{\"failureRate\":1.5}").statusCode()).isEqualTo(400);
    assertThat(send("PUT", "/__admin/faults", "{\"failureMode\":\"EXPLODE\"}").statusCode())
        .isEqualTo(400);
    assertThat(send("PUT", "/__admin/faults", "{\"latency\":100}").statusCode()).isEqualTo(400);
    assertThat(send("PUT", "/__admin/faults", "{not json").statusCode()).isEqualTo(400);
    assertThat(standIn.faults().isNone()).isTrue();
  }

  @Test
  void statsCountPaymentsPerReservationCode() throws Exception {
    StripeClient stripe = StripeClients.client(standIn);
    PaymentIntent captured =
        stripe.v1().paymentIntents().create(authorization("STATS001", 41_200, "pm_card_visa"));
    stripe.v1().paymentIntents().capture(captured.getId());
    PaymentIntent voided =
        stripe.v1().paymentIntents().create(authorization("STATS002", 10_000, "pm_card_visa"));
    stripe.v1().paymentIntents().cancel(voided.getId());

    HttpResponse<String> response = send("GET", "/__admin/stats", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode stats = json.readTree(response.body());
    assertThat(stats.get("requests").asLong()).isEqualTo(4);
    assertThat(stats.get("paymentIntentsCreated").asLong()).isEqualTo(2);
    assertThat(stats.get("captures").asLong()).isEqualTo(1);
    assertThat(stats.get("voids").asLong()).isEqualTo(1);
    assertThat(stats.get("refunds").asLong()).isZero();
    assertThat(stats.get("faultsInjected").asLong()).isZero();
    JsonNode first = stats.get("reservations").get("STATS001");
    assertThat(first.get("authorizations").asLong()).isEqualTo(1);
    assertThat(first.get("capturedAmount").asLong()).isEqualTo(41_200);
    assertThat(stats.get("reservations").get("STATS002").get("voids").asLong()).isEqualTo(1);
  }

  @Test
  void resetForgetsEverything() throws Exception {
    StripeClients.client(standIn)
        .v1()
        .paymentIntents()
        .create(authorization("RESET002", 41_200, "pm_card_visa"));
    send("PUT", "/__admin/faults", "{\"latencyMillis\":10}");

    assertThat(send("POST", "/__admin/reset", null).statusCode()).isEqualTo(204);

    assertThat(standIn.stats().requests()).isZero();
    assertThat(standIn.stats().byReservation()).isEmpty();
    assertThat(standIn.faults().isNone()).isTrue();
  }

  @Test
  void healthAndUnknownAdminPaths() throws Exception {
    HttpResponse<String> health = send("GET", "/__admin/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("UP");
    assertThat(send("GET", "/__admin/nothing", null).statusCode()).isEqualTo(404);
    HttpResponse<String> wrongMethod = send("POST", "/__admin/stats", null);
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).contains("GET");
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(standIn.baseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
