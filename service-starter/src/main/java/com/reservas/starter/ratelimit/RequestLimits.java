package com.reservas.starter.ratelimit;

import com.reservas.starter.web.ClientAddresses;
import com.reservas.starter.web.ProblemWriter;
import io.github.resilience4j.ratelimiter.RateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The limiters of one service and the 429 answer they share: problem+json with {@code Retry-After}
 * in whole seconds. Limits are counted per client address as {@link ClientAddresses#bucketOf} gives
 * it (an IPv6 client per /64), so a client cannot reset its limit by choosing another address of
 * its own network.
 */
public final class RequestLimits {

  private final RateLimitSettings settings;
  private final BoundedRateLimiters limiters;
  private final ClientAddresses addresses;
  private final ProblemWriter problems;

  public RequestLimits(
      RateLimitSettings settings, ClientAddresses addresses, ProblemWriter problems) {
    this.settings = settings;
    this.limiters = new BoundedRateLimiters(settings.maxTrackedClients());
    this.addresses = addresses;
    this.problems = problems;
  }

  public boolean enabled() {
    return settings.enabled();
  }

  public RateLimitSettings settings() {
    return settings;
  }

  /** The limiter of {@code what} for the exchange's client address. */
  public RateLimiter perAddress(ServerWebExchange exchange, String what, RateLimit limit) {
    return limiters.of(what + " " + addresses.bucketOf(exchange), limit);
  }

  /** The limiter of {@code key} (e.g. a client id) under {@code limit}, whatever the address. */
  public RateLimiter of(String key, RateLimit limit) {
    return limiters.of(key, limit);
  }

  /** Answers 429: too many requests, retry after the limiter's next permit. */
  public Mono<Void> tooManyRequests(ServerWebExchange exchange, RateLimiter limiter, String why) {
    long seconds = BoundedRateLimiters.retryAfterSeconds(limiter);
    exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
    return problems.write(
        exchange,
        HttpStatus.TOO_MANY_REQUESTS,
        "too-many-requests",
        "Too many requests",
        why + "; retry in " + seconds + " s");
  }

  int trackedLimiters() {
    return limiters.tracked();
  }
}
