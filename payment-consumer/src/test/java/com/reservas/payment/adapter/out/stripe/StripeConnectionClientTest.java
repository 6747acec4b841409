package com.reservas.payment.adapter.out.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.ApiMode;
import com.stripe.net.ApiResource;
import com.stripe.net.RequestOptions;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport sends what stripe-java's own would (its headers, the form body, the method) and
 * reads an error answer's body as stripe-java does, against a real HTTP server on localhost.
 */
class StripeConnectionClientTest {

  private final List<Headers> requestHeaders = new CopyOnWriteArrayList<>();
  private final List<String> requestBodies = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/payment_intents",
        exchange -> {
          requestHeaders.add(exchange.getRequestHeaders());
          requestBodies.add(
              exchange.getRequestMethod()
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer =
              "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\"}}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Request-Id", "req_1");
          exchange.sendResponseHeaders(402, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void sendsStripeJavasHeadersAndBodyAndReadsTheErrorAnswer() throws Exception {
    RequestOptions options =
        RequestOptions.builder()
            .setApiKey("sk_test_local")
            .setIdempotencyKey("authorize-K7Q2MZ4P")
            .setConnectTimeout(2_000)
            .setReadTimeout(5_000)
            .setBaseUrl("http://127.0.0.1:" + server.getAddress().getPort())
            .build();
    StripeRequest request =
        StripeRequest.create(
            ApiResource.RequestMethod.POST,
            options.getBaseUrl() + "/v1/payment_intents",
            Map.of("amount", 41200, "currency", "eur"),
            options,
            ApiMode.V1);

    StripeConnectionClient client = new StripeConnectionClient();
    StripeResponse first = client.request(request);
    StripeResponse second = client.request(request);

    assertThat(first.code()).isEqualTo(402);
    assertThat(first.body()).contains("card_declined");
    assertThat(first.headers().firstValue("Request-Id")).contains("req_1");
    assertThat(second.body()).isEqualTo(first.body());
    Headers sent = requestHeaders.get(0);
    assertThat(sent.getFirst("User-Agent")).startsWith("Stripe/v1 JavaBindings/");
    assertThat(sent.getFirst("X-Stripe-Client-User-Agent")).contains("\"bindings.version\"");
    assertThat(sent.getFirst("Authorization")).isEqualTo("Bearer sk_test_local");
    assertThat(sent.getFirst("Idempotency-Key")).isEqualTo("authorize-K7Q2MZ4P");
    assertThat(sent.getFirst("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(requestBodies).hasSize(2).allMatch(body -> body.startsWith("POST "));
    assertThat(requestBodies.get(0)).contains("amount=41200", "currency=eur");
    assertThat(requestHeaders.get(1).getFirst("X-Stripe-Client-User-Agent"))
        .isEqualTo(sent.getFirst("X-Stripe-Client-User-Agent"));
  }
}
