package com.reservas.reservation.adapter.in.web.security;

import com.reservas.reservation.adapter.in.web.ProblemWriter;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits {@code /api} requests per client IP and endpoint group (SPEC §7). Runs before
 * authentication, so guessing API keys is limited too. Over the limit: {@code 429} problem+json
 * with {@code Retry-After} in whole seconds.
 */
public final class RateLimitFilter implements WebFilter, Ordered {

  private final BoundedRateLimiters limiters;
  private final ClientAddresses addresses;
  private final ProblemWriter problems;
  private final boolean enabled;

  public RateLimitFilter(
      RateLimitProperties properties, ClientAddresses addresses, ProblemWriter problems) {
    this.limiters = new BoundedRateLimiters(properties);
    this.addresses = addresses;
    this.problems = problems;
    this.enabled = properties.enabled();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 5;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!enabled) {
      return chain.filter(exchange);
    }
    var request = exchange.getRequest();
    var group =
        EndpointGroup.of(request.getMethod(), request.getPath().pathWithinApplication().value());
    if (group.isEmpty()) {
      return chain.filter(exchange);
    }
    RateLimiter limiter = limiters.of(addresses.of(exchange), group.get());
    if (limiter.acquirePermission()) {
      return chain.filter(exchange);
    }
    long seconds = retryAfterSeconds(limiter, limiters.refreshPeriod(group.get()));
    exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
    return problems.write(
        exchange,
        HttpStatus.TOO_MANY_REQUESTS,
        "too-many-requests",
        "Too many requests",
        "Too many requests to this endpoint from your address; retry in " + seconds + " s");
  }

  /** Until the next permit, rounded up to whole seconds (at least 1). */
  private static long retryAfterSeconds(RateLimiter limiter, Duration refreshPeriod) {
    long nanos =
        limiter instanceof AtomicRateLimiter atomic
            ? atomic.getDetailedMetrics().getNanosToWait()
            : refreshPeriod.toNanos();
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }

  int trackedLimiters() {
    return limiters.tracked();
  }
}
