package com.reservas.starter.ratelimit;

import io.github.resilience4j.ratelimiter.RateLimiter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guessing credentials is slow by construction: every 401 an address earns uses one permit of its
 * {@code failed-authentications} budget ({@link #recordFailure}); once the budget is spent, every
 * request from that address is refused with 429 before authentication runs, until the period ends.
 * Runs in the security chain just before authentication.
 */
public final class FailedAuthenticationGuard implements WebFilter {

  private static final String FAILURES = "failed-authentications";

  private final RequestLimits limits;

  public FailedAuthenticationGuard(RequestLimits limits) {
    this.limits = limits;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!limits.enabled()) {
      return chain.filter(exchange);
    }
    RateLimiter failures = failuresOf(exchange);
    if (failures.getMetrics().getAvailablePermissions() > 0) {
      return chain.filter(exchange);
    }
    return limits.tooManyRequests(
        exchange, failures, "Too many failed authentications from your address");
  }

  /** Counts a failed authentication (a 401) against the exchange's address. */
  public void recordFailure(ServerWebExchange exchange) {
    if (limits.enabled()) {
      failuresOf(exchange).acquirePermission();
    }
  }

  private RateLimiter failuresOf(ServerWebExchange exchange) {
    return limits.perAddress(exchange, FAILURES, limits.settings().failedAuthentications());
  }
}
