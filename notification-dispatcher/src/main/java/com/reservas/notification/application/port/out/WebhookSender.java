package com.reservas.notification.application.port.out;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Outgoing port: posts one webhook and tells what came back. Never errors: a failure is a result.
 */
public interface WebhookSender {

  /** What one attempt gave: the status, if an answer came, or the error, and how long it took. */
  record SendResult(Optional<Integer> statusCode, Optional<String> error, Duration duration) {

    /** A 2xx answer. */
    public boolean succeeded() {
      return statusCode.filter(code -> code >= 200 && code < 300).isPresent();
    }
  }

  /** Posts {@code body} as JSON to {@code url} with {@code headers}, for {@code endpointId}. */
  Mono<SendResult> send(String endpointId, String url, Map<String, String> headers, String body);
}
