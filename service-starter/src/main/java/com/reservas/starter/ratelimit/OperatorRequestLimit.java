package com.reservas.starter.ratelimit;

import com.reservas.starter.security.OperatorAuthentication;
import io.github.resilience4j.ratelimiter.RateLimiter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Operator requests (admin endpoints, actuator with a credential) are limited per address like any
 * other: a stolen credential cannot be used to hammer key administration or replays. Runs in the
 * security chain after authentication.
 */
public final class OperatorRequestLimit implements WebFilter {

  private final RequestLimits limits;

  public OperatorRequestLimit(RequestLimits limits) {
    this.limits = limits;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!limits.enabled()) {
      return chain.filter(exchange);
    }
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(OperatorAuthentication.class::isInstance)
        .flatMap(
            operator -> {
              RateLimiter limiter =
                  limits.perAddress(exchange, "operator", limits.settings().operator());
              return limiter.acquirePermission()
                  ? chain.filter(exchange).thenReturn(true)
                  : limits
                      .tooManyRequests(
                          exchange, limiter, "Too many operator requests from your address")
                      .thenReturn(true);
            })
        .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
        .then();
  }
}
