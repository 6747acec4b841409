package com.reservas.provider;

import com.reservas.supplier.simulator.SupplierSimulator;
import com.reservas.supplier.simulator.fault.FaultSettings;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Makes the first {@code count} supplier requests fail: injects {@code faults} and clears them as
 * soon as the simulator has injected {@code count} failures. The client's backoff (milliseconds) is
 * far longer than the watcher's reaction (a fraction of one), so exactly {@code count} fail.
 */
public final class FirstRequestsFail {

  private final SupplierSimulator supplier;
  private final long count;
  private final FaultSettings faults;

  private FirstRequestsFail(SupplierSimulator supplier, long count, FaultSettings faults) {
    this.supplier = supplier;
    this.count = count;
    this.faults = faults;
  }

  public static FirstRequestsFail of(SupplierSimulator supplier, long count, FaultSettings faults) {
    return new FirstRequestsFail(supplier, count, faults);
  }

  /** Runs {@code action} with the first requests failing, and returns what it returned. */
  public <T> T during(Supplier<T> action) {
    long before = supplier.stats().faultsInjected();
    AtomicBoolean done = new AtomicBoolean();
    Thread watcher =
        new Thread(
            () -> {
              while (!done.get() && supplier.stats().faultsInjected() - before < count) {
                java.util.concurrent.locks.LockSupport.parkNanos(
                    TimeUnit.MICROSECONDS.toNanos(100));
              }
              supplier.clearFaults();
            },
            "first-requests-fail");
    watcher.setDaemon(true);
    supplier.setFaults(faults);
    watcher.start();
    try {
      return action.get();
    } finally {
      done.set(true);
      supplier.clearFaults();
    }
  }
}
