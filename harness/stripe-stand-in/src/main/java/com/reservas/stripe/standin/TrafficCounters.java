package com.reservas.stripe.standin;

import java.util.concurrent.atomic.AtomicLong;

/** Counts the Stripe API traffic the stand-in has answered, for {@link StandInStats}. */
final class TrafficCounters {

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong idempotentReplays = new AtomicLong();

  void requestReceived() {
    requests.incrementAndGet();
  }

  void idempotentReplay() {
    idempotentReplays.incrementAndGet();
  }

  long requests() {
    return requests.get();
  }

  long idempotentReplays() {
    return idempotentReplays.get();
  }

  void reset() {
    requests.set(0);
    idempotentReplays.set(0);
  }
}
