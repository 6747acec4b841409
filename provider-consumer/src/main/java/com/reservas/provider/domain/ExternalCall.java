package com.reservas.provider.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Audit record of one HTTP exchange with the supplier, already masked (no driver names), attached
 * to the outcome it led to.
 *
 * @param requestBody masked request body, or {@code null}
 * @param responseStatus HTTP status, {@code 0} when no answer arrived (timeout, reset, refused)
 * @param responseBody masked response body or what went wrong without an answer, or {@code null}
 */
public record ExternalCall(
    String operation,
    String requestId,
    String method,
    String url,
    String requestBody,
    int responseStatus,
    String responseBody,
    Instant startedAt,
    long durationMillis) {

  public ExternalCall {
    requireNonNull(operation, "operation");
    requireNonNull(requestId, "requestId");
    requireNonNull(method, "method");
    requireNonNull(url, "url");
    requireNonNull(startedAt, "startedAt");
  }

  public boolean answered() {
    return responseStatus != 0;
  }
}
