package com.reservas.reservation.adapter.in.web.security;

import com.reservas.starter.ratelimit.RateLimit;
import com.reservas.starter.ratelimit.RequestLimits;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits {@code /api} requests (docs/spec.md §7; docs/SECURITY.md, "Rate limits"), in the security
 * chain after authentication; guessing keys is limited before it, by the address's
 * failed-authentication budget. Two limits apply to a request of an API client, both must allow it:
 *
 * <ul>
 *   <li><b>per address and endpoint group</b>, in a bucket of the client's own at that address: a
 *       partner behind one NAT address shares it with nobody — not with unauthenticated traffic,
 *       not with other clients behind the same address — so it is never limited as one anonymous
 *       address; the bucket caps what one installation sends from one address;
 *   <li><b>the client's quota</b> of creations and reads per second, over all its addresses.
 * </ul>
 *
 * Over a limit: {@code 429} problem+json with {@code Retry-After} in whole seconds.
 */
public final class RateLimitFilter implements WebFilter {

  private final RateLimitProperties groups;
  private final RequestLimits limits;

  public RateLimitFilter(RateLimitProperties groups, RequestLimits limits) {
    this.groups = groups;
    this.limits = limits;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!limits.enabled()) {
      return chain.filter(exchange);
    }
    var request = exchange.getRequest();
    var group = EndpointGroup.of(request.getMethod(), request.getPath().pathWithinApplication());
    if (group.isEmpty()) {
      return chain.filter(exchange);
    }
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .map(RateLimitFilter::clientOf)
        .defaultIfEmpty(Optional.empty())
        .flatMap(client -> limit(exchange, chain, group.get(), client));
  }

  private Mono<Void> limit(
      ServerWebExchange exchange,
      WebFilterChain chain,
      EndpointGroup group,
      Optional<AuthenticatedClient> client) {
    RateLimit perAddress = groups.of(group);
    if (client.isEmpty()) {
      RateLimiter address = limits.perAddress(exchange, group.name(), perAddress);
      return address.acquirePermission()
          ? chain.filter(exchange)
          : limits.tooManyRequests(
              exchange, address, "Too many requests to this endpoint from your address");
    }
    AuthenticatedClient caller = client.get();
    RateLimiter address = limits.perAddress(exchange, group.name() + " " + caller.id(), perAddress);
    if (!address.acquirePermission()) {
      return limits.tooManyRequests(
          exchange, address, "Too many requests to this endpoint from your address");
    }
    OptionalInt quota = quotaOf(group, caller.quota());
    if (quota.isPresent()) {
      RateLimiter clientQuota =
          limits.of(
              "quota " + kindOf(group) + " " + caller.id(),
              new RateLimit(quota.getAsInt(), groups.clientQuota().period()));
      if (!clientQuota.acquirePermission()) {
        return limits.tooManyRequests(
            exchange,
            clientQuota,
            "Your API client's quota of "
                + quota.getAsInt()
                + " "
                + kindOf(group)
                + " per "
                + groups.clientQuota().period().toSeconds()
                + " s is used up");
      }
    }
    return chain.filter(exchange);
  }

  /** Creations count against the creation quota, reads and the catalogue against the read one. */
  private static OptionalInt quotaOf(EndpointGroup group, ClientQuota quota) {
    return switch (group) {
      case CREATE -> OptionalInt.of(quota.creationsPerSecond());
      case READ, CATALOGUE -> OptionalInt.of(quota.readsPerSecond());
      case CANCEL -> OptionalInt.empty();
    };
  }

  private static String kindOf(EndpointGroup group) {
    return group == EndpointGroup.CREATE ? "creations" : "reads";
  }

  private static Optional<AuthenticatedClient> clientOf(Authentication authentication) {
    return authentication instanceof ApiKeyAuthentication
            && authentication.getPrincipal() instanceof AuthenticatedClient client
        ? Optional.of(client)
        : Optional.empty();
  }
}
