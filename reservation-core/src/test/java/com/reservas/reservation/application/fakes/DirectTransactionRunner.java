package com.reservas.reservation.application.fakes;

import com.reservas.reservation.application.port.out.TransactionRunner;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Imitates {@code ReactiveTransactionRunner} (Spring's {@code TransactionalOperator} over R2DBC):
 * the work is built and run only when subscribed; the writes it makes to the enlisted fakes commit
 * together when it completes (with a value or empty) and are all undone when it fails or is
 * cancelled; a call made while a transaction runs joins it ({@code PROPAGATION_REQUIRED}). The real
 * runner's deadlock retries are not imitated: fakes never deadlock. Counts what it did, so tests
 * can tell one transaction from two.
 */
public final class DirectTransactionRunner implements TransactionRunner {

  private final List<TransactionParticipant> participants;
  private long lastId;
  private long active;
  private int begun;
  private int committed;
  private int rolledBack;

  public DirectTransactionRunner(TransactionParticipant... participants) {
    this.participants = List.of(participants);
  }

  @Override
  public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
    return Mono.defer(
        () -> {
          if (activeTransaction() != 0) {
            return Mono.defer(work);
          }
          long id = begin();
          AtomicBoolean ended = new AtomicBoolean();
          return Mono.defer(work)
              .doOnSuccess(value -> end(id, ended, true))
              .doOnError(error -> end(id, ended, false))
              .doOnCancel(() -> end(id, ended, false));
        });
  }

  /** The id of the running transaction, {@code 0} when none runs. */
  public synchronized long activeTransaction() {
    return active;
  }

  public synchronized int begun() {
    return begun;
  }

  public synchronized int committed() {
    return committed;
  }

  public synchronized int rolledBack() {
    return rolledBack;
  }

  private synchronized long begin() {
    active = ++lastId;
    begun++;
    participants.forEach(p -> p.begin(active));
    return active;
  }

  private synchronized void end(long id, AtomicBoolean ended, boolean commit) {
    if (active != id || !ended.compareAndSet(false, true)) {
      return;
    }
    if (commit) {
      participants.forEach(TransactionParticipant::commit);
      committed++;
    } else {
      participants.forEach(TransactionParticipant::rollback);
      rolledBack++;
    }
    active = 0;
  }
}
