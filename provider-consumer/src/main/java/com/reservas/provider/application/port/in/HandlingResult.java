package com.reservas.provider.application.port.in;

import static java.util.Objects.requireNonNull;

import com.reservas.provider.domain.SupplierOutcome;

/** What handling one reservation event came to. */
public sealed interface HandlingResult {

  /** The supplier was called and its answer published. */
  record Published(SupplierOutcome outcome) implements HandlingResult {
    public Published {
      requireNonNull(outcome, "outcome");
    }
  }

  /** The event asked nothing of the supplier. */
  record Skipped(String why) implements HandlingResult {
    public Skipped {
      requireNonNull(why, "why");
    }
  }
}
