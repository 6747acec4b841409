package com.reservas.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: exponential backoff from {@code initialDelay} by {@code
 * multiplier} up to {@code maxDelay}, each wait drawn from [wait × (1 − jitter), wait] so that a
 * recovering receiver is not hit by every retry at once; none once the delivery is older than
 * {@code giveUpAfter} (3 days), when it is given up and its endpoint disabled.
 */
public record RetryPolicy(
    Duration initialDelay,
    double multiplier,
    Duration maxDelay,
    double jitter,
    Duration giveUpAfter) {

  /** Validates. */
  public RetryPolicy {
    if (initialDelay.isNegative() || initialDelay.isZero() || multiplier < 1.0) {
      throw new IllegalArgumentException("initialDelay > 0 and multiplier >= 1 are required");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
  }

  /**
   * When to try again after failed attempt number {@code attempt} (1 for the first) of a delivery
   * first recorded at {@code createdAt}; empty when the delivery is given up.
   */
  public Optional<Instant> nextAttempt(
      int attempt, Instant createdAt, Instant now, DoubleSupplier random) {
    if (!now.isBefore(createdAt.plus(giveUpAfter))) {
      return Optional.empty();
    }
    double wait = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    wait = Math.min(wait, maxDelay.toMillis());
    wait = wait * (1 - jitter * random.getAsDouble());
    Instant next = now.plusMillis(Math.max(1, (long) wait));
    Instant last = createdAt.plus(giveUpAfter);
    return Optional.of(next.isAfter(last) ? last : next);
  }
}
