package com.reservas.reservation.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Keeps the (masked) request and response of every external call for audit. */
public interface ExternalCallLog {

  Mono<Void> record(String reservationCode, UUID eventId, List<ExternalCall> calls);

  /** One HTTP exchange with Stripe or the supplier, already masked. */
  record ExternalCall(
      String operation,
      String requestId,
      String method,
      String url,
      String requestBody,
      int responseStatus,
      String responseBody,
      Instant startedAt,
      long durationMillis) {}
}
