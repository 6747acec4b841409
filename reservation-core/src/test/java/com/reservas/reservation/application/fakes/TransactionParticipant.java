package com.reservas.reservation.application.fakes;

/**
 * A fake whose writes take part in {@link DirectTransactionRunner}'s transactions, the way every
 * R2DBC adapter's statements join the transaction open on the shared connection.
 */
public interface TransactionParticipant {

  /** A transaction starts: remember the state to go back to. */
  void begin(long transaction);

  /** The transaction committed: its writes stay. */
  void commit();

  /** The transaction failed: every write made since {@link #begin} is undone. */
  void rollback();
}
