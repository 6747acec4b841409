package com.reservas.reservation.adapter.out.persistence;

import com.reservas.reservation.application.port.out.TransactionRunner;
import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One R2DBC transaction per use case, through Spring's reactive transaction manager. A transaction
 * InnoDB picked as a deadlock victim is run again: InnoDB rolled all of it back and asks for
 * exactly that ("try restarting transaction"). Concurrent inserts of the same key (a redelivered
 * event's inbox row, an idempotency key) can deadlock on their locks without any of them being
 * wrong.
 */
public final class ReactiveTransactionRunner implements TransactionRunner {

  /** MySQL's and MariaDB's ER_LOCK_DEADLOCK. */
  static final int DEADLOCK = 1213;

  private static final int MAX_DEADLOCK_RETRIES = 5;

  private final TransactionalOperator transactions;

  public ReactiveTransactionRunner(TransactionalOperator transactions) {
    this.transactions = transactions;
  }

  @Override
  public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
    return Mono.defer(() -> transactions.transactional(Mono.defer(work))).retryWhen(onDeadlock());
  }

  /** Runs a rolled-back deadlock victim (a transaction or a single statement) again. */
  static Retry onDeadlock() {
    return Retry.backoff(MAX_DEADLOCK_RETRIES, Duration.ofMillis(5))
        .maxBackoff(Duration.ofMillis(100))
        .filter(ReactiveTransactionRunner::isDeadlock)
        .onRetryExhaustedThrow((spec, signal) -> signal.failure());
  }

  static boolean isDeadlock(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof R2dbcException r2dbc && r2dbc.getErrorCode() == DEADLOCK) {
        return true;
      }
    }
    return false;
  }
}
