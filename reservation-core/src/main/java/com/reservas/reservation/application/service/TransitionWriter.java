package com.reservas.reservation.application.service;

import com.reservas.reservation.application.port.out.ReservationEventOutbox;
import com.reservas.reservation.application.port.out.ReservationRepository;
import com.reservas.reservation.application.port.out.TransactionRunner;
import com.reservas.reservation.domain.Transition;
import java.time.Duration;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Persists what a {@link Transition.Applied} says changed: the state with compare-and-set on the
 * version, the history row, and the events into the outbox. Shared by every use case that moves a
 * reservation, so the write path is one piece of code.
 */
public final class TransitionWriter {

  /** How often a use case re-reads and re-applies after losing a compare-and-set race. */
  public static final int MAX_CONFLICT_RETRIES = 8;

  private final ReservationRepository reservations;
  private final ReservationEventOutbox outbox;
  private final TransactionRunner transactions;

  public TransitionWriter(
      ReservationRepository reservations,
      ReservationEventOutbox outbox,
      TransactionRunner transactions) {
    this.reservations = reservations;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  /** Writes the transition inside the caller's transaction; fails stale on a lost race. */
  public Mono<Void> write(Transition.Applied applied, String traceparent) {
    return reservations
        .update(applied.reservation(), applied.expectedVersion(), applied.historyEntry())
        .flatMap(
            updated ->
                updated
                    ? Flux.fromIterable(applied.events())
                        .concatMap(event -> outbox.append(event, traceparent))
                        .then()
                    : Mono.error(
                        new StaleReservationException(
                            applied.reservation().code().value(), applied.expectedVersion())));
  }

  /** Runs read-decide-write in one transaction, again from a fresh read after a lost race. */
  public <T> Mono<T> inTransactionRetryingConflicts(Supplier<Mono<T>> work) {
    return Mono.defer(() -> transactions.inTransaction(work))
        .retryWhen(
            Retry.backoff(MAX_CONFLICT_RETRIES, Duration.ofMillis(2))
                .maxBackoff(Duration.ofMillis(100))
                .filter(StaleReservationException.class::isInstance)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
  }
}
