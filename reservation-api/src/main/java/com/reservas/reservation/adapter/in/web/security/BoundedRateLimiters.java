package com.reservas.reservation.adapter.in.web.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One resilience4j {@link RateLimiter} per client IP and endpoint group, in a least-recently-used
 * map of bounded size: an address that stops calling is forgotten once {@code maxTracked} others
 * have called since, so a flood of addresses cannot exhaust memory.
 */
final class BoundedRateLimiters {

  private final Map<EndpointGroup, RateLimiterConfig> configs = new EnumMap<>(EndpointGroup.class);
  private final Map<String, RateLimiter> limiters;

  BoundedRateLimiters(RateLimitProperties properties) {
    for (EndpointGroup group : EndpointGroup.values()) {
      RateLimitProperties.Limit limit = properties.of(group);
      configs.put(
          group,
          RateLimiterConfig.custom()
              .limitForPeriod(limit.limitForPeriod())
              .limitRefreshPeriod(limit.refreshPeriod())
              .timeoutDuration(Duration.ZERO)
              .build());
    }
    int maxTracked = properties.maxTrackedClients();
    this.limiters =
        new LinkedHashMap<>(Math.min(maxTracked, 1024), 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
            return size() > maxTracked;
          }
        };
  }

  /** The limiter of this address and group, created on first use. */
  RateLimiter of(String address, EndpointGroup group) {
    String key = group.name() + ' ' + address;
    synchronized (limiters) {
      return limiters.computeIfAbsent(key, k -> RateLimiter.of(k, configs.get(group)));
    }
  }

  int tracked() {
    synchronized (limiters) {
      return limiters.size();
    }
  }

  Duration refreshPeriod(EndpointGroup group) {
    return configs.get(group).getLimitRefreshPeriod();
  }
}
