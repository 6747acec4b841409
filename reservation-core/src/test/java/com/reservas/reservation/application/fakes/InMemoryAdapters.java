package com.reservas.reservation.application.fakes;

import com.reservas.reservation.application.service.TransitionWriter;

/**
 * The outgoing ports as fakes sharing one transaction runner, as the services wire the R2DBC
 * adapters on one connection factory: whatever a use case writes inside a transaction commits or
 * rolls back together, whichever fake holds it.
 */
public final class InMemoryAdapters {

  public final InMemoryReservationRepository reservations = new InMemoryReservationRepository();
  public final InMemoryOutbox outbox = new InMemoryOutbox();
  public final InMemoryInbox inbox = new InMemoryInbox();
  public final RecordingAuditTrail audit = new RecordingAuditTrail();
  public final InMemoryExternalCallLog callLog = new InMemoryExternalCallLog();
  public final DirectTransactionRunner transactions =
      new DirectTransactionRunner(
          reservations.table(), outbox.table(), inbox.table(), audit.table(), callLog.table());
  public final RecordingSagaProgress progress = new RecordingSagaProgress(transactions);

  /** The real write path over these fakes. */
  public TransitionWriter writer() {
    return new TransitionWriter(reservations, outbox, transactions, progress);
  }
}
