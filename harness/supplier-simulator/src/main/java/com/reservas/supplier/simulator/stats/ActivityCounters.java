package com.reservas.supplier.simulator.stats;

import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters behind {@link SupplierStats}, updated by the HTTP routes and the desk. */
public final class ActivityCounters {

  private final LongAdder bookingAttempts = new LongAdder();
  private final LongAdder bookingsMade = new LongAdder();
  private final LongAdder rejections = new LongAdder();
  private final LongAdder cancellations = new LongAdder();
  private final LongAdder idempotentReplays = new LongAdder();

  public void bookingAttempted() {
    bookingAttempts.increment();
  }

  public void bookingMade() {
    bookingsMade.increment();
  }

  public void bookingRejected() {
    rejections.increment();
  }

  public void bookingCancelled() {
    cancellations.increment();
  }

  public void idempotentReplay() {
    idempotentReplays.increment();
  }

  /** The counts, with {@code faultsInjected} from the fault injector, which counts those. */
  public SupplierStats snapshot(long faultsInjected) {
    return new SupplierStats(
        bookingAttempts.sum(),
        bookingsMade.sum(),
        rejections.sum(),
        cancellations.sum(),
        faultsInjected,
        idempotentReplays.sum());
  }

  public void reset() {
    bookingAttempts.reset();
    bookingsMade.reset();
    rejections.reset();
    cancellations.reset();
    idempotentReplays.reset();
  }
}
