package com.reservas.reservation.application.port.out;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Remembers which events a consumer has processed, inside the transaction of their effect, so that
 * a redelivered event changes nothing.
 */
public interface Inbox {

  /** Records the event; emits {@code false} when this consumer had already processed it. */
  Mono<Boolean> markProcessed(String consumer, UUID eventId);
}
