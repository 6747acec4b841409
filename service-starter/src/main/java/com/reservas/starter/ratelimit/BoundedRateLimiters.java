package com.reservas.starter.ratelimit;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One resilience4j {@link RateLimiter} per key (an address and what it calls, or a client), in a
 * least-recently-used map of bounded size: a key that stops calling is forgotten once {@code
 * maxTracked} others have called since, so a flood of addresses cannot exhaust memory. A key's
 * limiter follows its limit: when the limit changes (a client's new quota), a new limiter starts.
 */
public final class BoundedRateLimiters {

  private final Map<String, RateLimiter> limiters;

  public BoundedRateLimiters(int maxTracked) {
    this.limiters =
        new LinkedHashMap<>(Math.min(maxTracked, 1024), 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
            return size() > maxTracked;
          }
        };
  }

  /** The limiter of {@code key} under {@code limit}, created on first use. */
  public RateLimiter of(String key, RateLimit limit) {
    String name = key + " @" + limit;
    synchronized (limiters) {
      return limiters.computeIfAbsent(name, k -> RateLimiter.of(k, config(limit)));
    }
  }

  public int tracked() {
    synchronized (limiters) {
      return limiters.size();
    }
  }

  /** Until the limiter's next permit, rounded up to whole seconds (at least 1). */
  public static long retryAfterSeconds(RateLimiter limiter) {
    long nanos =
        limiter instanceof AtomicRateLimiter atomic
            ? atomic.getDetailedMetrics().getNanosToWait()
            : limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos();
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }

  private static RateLimiterConfig config(RateLimit limit) {
    return RateLimiterConfig.custom()
        .limitForPeriod(limit.limitForPeriod())
        .limitRefreshPeriod(limit.refreshPeriod())
        .timeoutDuration(Duration.ZERO)
        .build();
  }
}
