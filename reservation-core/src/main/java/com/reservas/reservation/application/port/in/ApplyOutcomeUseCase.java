package com.reservas.reservation.application.port.in;

import static java.util.Objects.requireNonNull;

import com.reservas.reservation.application.port.out.ExternalCallLog.ExternalCall;
import com.reservas.reservation.domain.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Apply a payment or supplier outcome to its reservation: the saga's one write path. Exactly once
 * in effect: a redelivered event (same consumer and event id) changes nothing.
 */
public interface ApplyOutcomeUseCase {

  Mono<OutcomeResult> apply(OutcomeCommand command);

  /**
   * Applies {@code commands} in their order in one transaction, each as {@link #apply} would. All
   * or nothing: if one of them came too early, or the transaction fails, nothing is recorded and
   * the returned {@code Mono} fails; the caller then applies them one at a time. A backlog costs
   * one transaction per group instead of one per outcome.
   */
  Mono<List<OutcomeResult>> applyAll(List<OutcomeCommand> commands);

  /** One outcome event as received from Kafka. */
  record OutcomeCommand(
      String consumer,
      UUID eventId,
      String reservationCode,
      Outcome outcome,
      Instant occurredAt,
      List<ExternalCall> calls,
      String traceparent) {
    public OutcomeCommand {
      requireNonNull(consumer, "consumer");
      requireNonNull(eventId, "eventId");
      requireNonNull(reservationCode, "reservationCode");
      requireNonNull(outcome, "outcome");
      requireNonNull(occurredAt, "occurredAt");
      calls = List.copyOf(calls);
    }
  }

  /** What applying did. */
  enum OutcomeResult {
    APPLIED,
    UNCHANGED,
    /** Came before the step it answers; nothing recorded, deliver it again later. */
    PREMATURE,
    DUPLICATE,
    UNKNOWN_RESERVATION
  }
}
