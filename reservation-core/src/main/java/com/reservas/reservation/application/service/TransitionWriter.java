package com.reservas.reservation.application.service;

import com.reservas.reservation.application.port.out.ReservationEventOutbox;
import com.reservas.reservation.application.port.out.ReservationRepository;
import com.reservas.reservation.application.port.out.SagaProgress;
import com.reservas.reservation.application.port.out.TransactionRunner;
import com.reservas.reservation.domain.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.retry.Retry;

/**
 * Persists what a {@link Transition.Applied} says changed: the state with compare-and-set on the
 * version, the history row, and the events into the outbox. Shared by every use case that moves a
 * reservation, so the write path is one piece of code.
 *
 * <p>Transitions written inside {@link #inTransactionRetryingConflicts} are told to the {@link
 * SagaProgress} after the transaction committed (the Reactor context carries the list of what the
 * attempt wrote), so a rolled-back attempt is never reported.
 */
public final class TransitionWriter {

  /** How often a use case re-reads and re-applies after losing a compare-and-set race. */
  public static final int MAX_CONFLICT_RETRIES = 8;

  /** Context key of the transitions the current attempt wrote. */
  private static final Object WRITTEN = new Object();

  private final ReservationRepository reservations;
  private final ReservationEventOutbox outbox;
  private final TransactionRunner transactions;
  private final SagaProgress progress;

  public TransitionWriter(
      ReservationRepository reservations,
      ReservationEventOutbox outbox,
      TransactionRunner transactions,
      SagaProgress progress) {
    this.reservations = reservations;
    this.outbox = outbox;
    this.transactions = transactions;
    this.progress = progress;
  }

  /** Reports no progress: for use cases whose changes are not measured as saga steps. */
  public TransitionWriter(
      ReservationRepository reservations,
      ReservationEventOutbox outbox,
      TransactionRunner transactions) {
    this(reservations, outbox, transactions, SagaProgress.none());
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
                        .then(remember(applied))
                    : Mono.error(
                        new StaleReservationException(
                            applied.reservation().code().value(), applied.expectedVersion())));
  }

  /** Runs read-decide-write in one transaction, again from a fresh read after a lost race. */
  public <T> Mono<T> inTransactionRetryingConflicts(Supplier<Mono<T>> work) {
    return Mono.deferContextual(
            context -> {
              if (context.hasKey(WRITTEN)) {
                // Joins the caller's transaction, which reports what it wrote once it commits.
                return transactions.inTransaction(work);
              }
              List<Transition.Applied> written = Collections.synchronizedList(new ArrayList<>());
              return transactions
                  .inTransaction(work)
                  .doOnSuccess(committed -> reportCommitted(written))
                  .contextWrite(Context.of(WRITTEN, written));
            })
        .retryWhen(
            Retry.backoff(MAX_CONFLICT_RETRIES, Duration.ofMillis(2))
                .maxBackoff(Duration.ofMillis(100))
                .filter(StaleReservationException.class::isInstance)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
  }

  private static Mono<Void> remember(Transition.Applied applied) {
    return Mono.deferContextual(
        context -> {
          context.<List<Transition.Applied>>getOrEmpty(WRITTEN).ifPresent(w -> w.add(applied));
          return Mono.empty();
        });
  }

  private void reportCommitted(List<Transition.Applied> written) {
    synchronized (written) {
      written.forEach(progress::committed);
    }
  }
}
