package com.reservas.reservation.application.fakes;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The contents of one fake table, with the transaction semantics the services rely on: writes made
 * inside a transaction are undone when it rolls back, while what another connection commits in the
 * meantime ({@link #commitElsewhere}) stays. Outside a transaction every write commits at once
 * (autocommit). All access is under this object's lock, so retries on other threads see it all.
 *
 * @param <S> the mutable state; {@code copy} must copy it deeply enough that later writes to the
 *     copy do not change the original
 */
public final class TransactionalState<S> implements TransactionParticipant {

  private final UnaryOperator<S> copy;
  private S state;
  private S beforeTransaction;
  private long transaction;

  public TransactionalState(S initial, UnaryOperator<S> copy) {
    this.state = initial;
    this.copy = copy;
  }

  /** Reads or changes the state as the current transaction (if any) sees it. */
  public synchronized <R> R apply(Function<S, R> access) {
    return access.apply(state);
  }

  /** The id of the running transaction, {@code 0} outside one. */
  public synchronized long transaction() {
    return transaction;
  }

  /**
   * A change another connection commits now: visible at once and kept even if the running
   * transaction rolls back.
   */
  public synchronized void commitElsewhere(Consumer<S> change) {
    change.accept(state);
    if (beforeTransaction != null) {
      change.accept(beforeTransaction);
    }
  }

  @Override
  public synchronized void begin(long id) {
    beforeTransaction = copy.apply(state);
    transaction = id;
  }

  @Override
  public synchronized void commit() {
    beforeTransaction = null;
    transaction = 0;
  }

  @Override
  public synchronized void rollback() {
    if (beforeTransaction != null) {
      state = beforeTransaction;
    }
    beforeTransaction = null;
    transaction = 0;
  }
}
