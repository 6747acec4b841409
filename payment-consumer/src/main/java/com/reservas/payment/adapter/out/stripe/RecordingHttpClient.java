package com.reservas.payment.adapter.out.stripe;

import com.reservas.consumer.support.audit.ExternalCallRecorder;
import com.reservas.consumer.support.loop.HttpExchange;
import com.stripe.exception.StripeException;
import com.stripe.net.HttpClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * stripe-java's HTTP client with a recorder: every request/response (each attempt) is kept, masked,
 * under its {@code Idempotency-Key} while an operation with that key is open ({@link #open} …
 * {@link #close}), so the outcome event can carry the calls it took. Answers of attempts abandoned
 * by the TimeLimiter that arrive after {@link #close} are dropped.
 */
class RecordingHttpClient extends HttpClient {

  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final HttpClient delegate = new StripeConnectionClient();
  private final ExternalCallRecorder recorder;
  private final Clock clock;
  private final ConcurrentMap<String, List<HttpExchange>> openOperations =
      new ConcurrentHashMap<>();

  RecordingHttpClient(ExternalCallRecorder recorder, Clock clock) {
    this.recorder = recorder;
    this.clock = clock;
  }

  /** Starts recording the calls made with {@code idempotencyKey}. */
  void open(String idempotencyKey) {
    openOperations.put(idempotencyKey, new ArrayList<>());
  }

  /** Stops recording for {@code idempotencyKey} and returns the calls, in order. */
  List<HttpExchange> close(String idempotencyKey) {
    List<HttpExchange> calls = openOperations.remove(idempotencyKey);
    if (calls == null) {
      return List.of();
    }
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  @Override
  public StripeResponse request(StripeRequest request) throws StripeException {
    Instant startedAt = clock.instant();
    long started = System.nanoTime();
    try {
      StripeResponse response = delegate.request(request);
      record(request, startedAt, started, response.code(), response.body());
      return response;
    } catch (StripeException | RuntimeException e) {
      record(
          request,
          startedAt,
          started,
          HttpExchange.NO_RESPONSE,
          e.getClass().getSimpleName() + ": " + e.getMessage());
      throw e;
    }
  }

  private void record(
      StripeRequest request, Instant startedAt, long started, int status, String responseBody) {
    String key = request.headers().firstValue(IDEMPOTENCY_KEY).orElse(null);
    if (key == null) {
      return;
    }
    List<HttpExchange> calls = openOperations.get(key);
    if (calls == null) {
      return;
    }
    String method = request.method().name();
    String path = request.url().getPath();
    HttpExchange exchange =
        recorder.mask(
            new HttpExchange(
                operationOf(method, path),
                key,
                method,
                request.url().toString(),
                requestBody(request),
                status,
                responseBody,
                startedAt,
                Duration.ofNanos(System.nanoTime() - started)));
    synchronized (calls) {
      calls.add(exchange);
    }
  }

  private static String requestBody(StripeRequest request) {
    if (request.content() == null) {
      return null;
    }
    return request.content().stringContent();
  }

  /** {@code stripe.paymentIntents.create|capture|cancel}, {@code stripe.refunds.create}... */
  static String operationOf(String method, String path) {
    String[] parts = path.replaceFirst("^/v1/", "").split("/");
    String resource = camelCase(parts[0]);
    String action;
    if (parts.length >= 3) {
      action = parts[2];
    } else if (parts.length == 2) {
      action = "GET".equals(method) ? "retrieve" : "update";
    } else {
      action = "GET".equals(method) ? "list" : "create";
    }
    return "stripe." + resource + "." + action;
  }

  private static String camelCase(String snake) {
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel.toString();
  }
}
