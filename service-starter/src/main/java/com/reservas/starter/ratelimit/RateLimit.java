package com.reservas.starter.ratelimit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/** At most {@code limitForPeriod} requests per {@code refreshPeriod}. */
public record RateLimit(@Min(1) int limitForPeriod, @NotNull Duration refreshPeriod) {

  /** {@code n} per second. */
  public static RateLimit perSecond(int n) {
    return new RateLimit(n, Duration.ofSeconds(1));
  }

  @Override
  public String toString() {
    return limitForPeriod + "/" + refreshPeriod;
  }
}
