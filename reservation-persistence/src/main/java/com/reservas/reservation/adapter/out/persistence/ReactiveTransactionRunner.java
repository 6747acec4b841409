package com.reservas.reservation.adapter.out.persistence;

import com.reservas.reservation.application.port.out.TransactionRunner;
import java.util.function.Supplier;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** One R2DBC transaction per use case, through Spring's reactive transaction manager. */
public final class ReactiveTransactionRunner implements TransactionRunner {

  private final TransactionalOperator transactions;

  public ReactiveTransactionRunner(TransactionalOperator transactions) {
    this.transactions = transactions;
  }

  @Override
  public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
    return transactions.transactional(Mono.defer(work));
  }
}
