package com.reservas.supplier.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tests' HTTP client of the simulator: the JDK client, as a stranger to its code would call it.
 */
public final class SupplierApiClient {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String baseUrl;
  private final Duration timeout;

  public SupplierApiClient(String baseUrl) {
    this(baseUrl, Duration.ofSeconds(10));
  }

  SupplierApiClient(String baseUrl, Duration timeout) {
    this.baseUrl = baseUrl;
    this.timeout = timeout;
  }

  SupplierApiClient withTimeout(Duration otherTimeout) {
    return new SupplierApiClient(baseUrl, otherTimeout);
  }

  public HttpResponse<String> book(String body) throws IOException {
    return send(post("/v1/bookings", body));
  }

  CompletableFuture<HttpResponse<String>> bookAsync(String body) {
    return http.sendAsync(post("/v1/bookings", body), BodyHandlers.ofString());
  }

  public HttpResponse<String> getBooking(String bookingReference) throws IOException {
    return send(request("/v1/bookings/" + bookingReference).GET().build());
  }

  public HttpResponse<String> cancel(String bookingReference, String requestId) throws IOException {
    return send(
        post(
            "/v1/bookings/" + bookingReference + "/cancellation",
            "{\"requestId\":\"" + requestId + "\"}"));
  }

  public HttpResponse<String> putFaults(String body) throws IOException {
    return send(request("/admin/faults").PUT(BodyPublishers.ofString(body)).build());
  }

  public HttpResponse<String> get(String path) throws IOException {
    return send(request(path).GET().build());
  }

  public HttpResponse<String> delete(String path) throws IOException {
    return send(request(path).DELETE().build());
  }

  public HttpResponse<String> post(String path) throws IOException {
    return send(request(path).POST(BodyPublishers.noBody()).build());
  }

  public static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private HttpRequest post(String path, String body) {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body))
        .build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, BodyHandlers.ofString());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted", interrupted));
    }
  }
}
