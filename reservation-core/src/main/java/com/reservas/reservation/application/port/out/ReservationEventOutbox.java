package com.reservas.reservation.application.port.out;

import com.reservas.reservation.domain.ReservationEvent;
import reactor.core.publisher.Mono;

/**
 * The transactional outbox: events appended here are committed with the state change that caused
 * them and reach Kafka through the relay, never before and never without it.
 */
public interface ReservationEventOutbox {

  /** Appends the event inside the caller's transaction; {@code traceparent} may be null. */
  Mono<Void> append(ReservationEvent event, String traceparent);
}
