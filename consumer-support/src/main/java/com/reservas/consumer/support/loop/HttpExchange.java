package com.reservas.consumer.support.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One HTTP call to an external API as it happened, before masking — plain Java, so application code
 * can carry it without depending on Avro. {@code ExternalCallRecorder} turns it into the masked
 * {@code ExternalCall} of an outcome event.
 *
 * @param operation what the call did, e.g. {@code authorize}, {@code book}
 * @param requestId the idempotency key / request id sent with it
 * @param method the HTTP method
 * @param url the URL called
 * @param requestBody the body sent; {@code null} when none
 * @param responseStatus the HTTP status answered; {@code 0} when no answer came (timeout,
 *     connection failure)
 * @param responseBody the body answered, or the error when none came; may be {@code null}
 * @param startedAt when the request was sent
 * @param duration how long the call took
 */
public record HttpExchange(
    String operation,
    String requestId,
    String method,
    String url,
    String requestBody,
    int responseStatus,
    String responseBody,
    Instant startedAt,
    Duration duration) {

  /** The status recorded when no HTTP answer came. */
  public static final int NO_RESPONSE = 0;

  /** Checks the required parts. */
  public HttpExchange {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(duration, "duration");
  }

  /** Whether an HTTP answer came. */
  public boolean answered() {
    return responseStatus != NO_RESPONSE;
  }
}
