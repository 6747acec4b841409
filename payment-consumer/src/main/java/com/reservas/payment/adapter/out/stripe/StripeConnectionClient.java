package com.reservas.payment.adapter.out.stripe;

import com.stripe.Stripe;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * stripe-java's own transport ({@code HttpURLConnectionClient}: the same connection, timeouts,
 * headers and error), except that the {@code X-Stripe-Client-User-Agent} header is built once.
 * stripe-java builds it for every request and reads Gson's version for it from a resource looked up
 * through the class loader, which in a Spring Boot jar searches the nested jars one by one: 6 % of
 * the platform's CPU under load (docs/performance.md). A proxy in the request options is used;
 * proxy credentials are not supported (the service calls Stripe directly).
 */
final class StripeConnectionClient extends HttpClient {

  private static final String CLIENT_USER_AGENT = buildXStripeClientUserAgentString();

  @Override
  public StripeResponse request(StripeRequest request) throws StripeException {
    try {
      HttpURLConnection connection = open(request);
      int code = connection.getResponseCode();
      HttpHeaders headers = HttpHeaders.of(connection.getHeaderFields());
      InputStream body =
          code >= 200 && code < 300 ? connection.getInputStream() : connection.getErrorStream();
      return new StripeResponse(code, headers, read(body));
    } catch (IOException e) {
      throw new ApiConnectionException(
          String.format(
              "IOException during API request to Stripe (%s): %s",
              Stripe.getApiBase(), e.getMessage()),
          e);
    }
  }

  private static HttpURLConnection open(StripeRequest request) throws IOException {
    Proxy proxy = request.options().getConnectionProxy();
    HttpURLConnection connection =
        (HttpURLConnection)
            (proxy == null ? request.url().openConnection() : request.url().openConnection(proxy));
    connection.setConnectTimeout(request.options().getConnectTimeout());
    connection.setReadTimeout(request.options().getReadTimeout());
    connection.setUseCaches(false);
    HttpHeaders headers =
        request
            .headers()
            .withAdditionalHeaders(
                Map.of(
                    "User-Agent",
                    List.of(buildUserAgentString(request)),
                    "X-Stripe-Client-User-Agent",
                    List.of(CLIENT_USER_AGENT)));
    headers
        .map()
        .forEach((name, values) -> connection.setRequestProperty(name, String.join(",", values)));
    connection.setRequestMethod(request.method().name());
    if (request.content() != null) {
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", request.content().contentType());
      try (OutputStream out = connection.getOutputStream()) {
        out.write(request.content().byteArrayContent());
      }
    }
    return connection;
  }

  private static String read(InputStream body) throws IOException {
    if (body == null) {
      return "";
    }
    try (body) {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
