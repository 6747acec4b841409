package com.reservas.stripe.standin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The stand-in's clock: the system's, moved forward on request, so that a test or a fault scenario
 * can let a day pass (Stripe forgets idempotency keys after 24 hours) without waiting for it.
 */
final class AdjustableClock extends Clock {

  private final Clock base;
  private volatile Duration offset = Duration.ZERO;

  AdjustableClock(Clock base) {
    this.base = base;
  }

  /** Moves the clock forward by {@code amount}. */
  void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("The clock only moves forward: " + amount);
    }
    synchronized (this) {
      offset = offset.plus(amount);
    }
  }

  void reset() {
    offset = Duration.ZERO;
  }

  Duration offset() {
    return offset;
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("The stand-in's clock is UTC");
  }
}
