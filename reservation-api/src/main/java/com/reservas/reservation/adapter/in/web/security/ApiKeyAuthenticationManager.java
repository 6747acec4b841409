package com.reservas.reservation.adapter.in.web.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * API-key authentication for Spring Security: the key of {@value #HEADER} is hashed under the
 * pepper and looked up among the active clients. An unknown, revoked or oversized key is a failed
 * authentication (401); a database that does not answer is not (it propagates, and the error
 * handler answers 503).
 */
public final class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

  /** The header clients send their key in. */
  public static final String HEADER = "X-Api-Key";

  private static final int MAX_KEY_LENGTH = 200;

  private final ApiClientDirectory clients;
  private final ApiKeyHasher hasher;

  public ApiKeyAuthenticationManager(ApiClientDirectory clients, ApiKeyHasher hasher) {
    this.clients = clients;
    this.hasher = hasher;
  }

  @Override
  public Mono<Authentication> authenticate(Authentication authentication) {
    if (!(authentication instanceof ApiKeyAuthentication presented)
        || !(presented.getCredentials() instanceof String key)) {
      return Mono.empty();
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      return Mono.error(new BadCredentialsException("Malformed API key"));
    }
    return clients
        .findActive(hasher.hash(key))
        .<Authentication>map(ApiKeyAuthentication::authenticated)
        .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown or revoked API key")));
  }

  /** The key of a request, or empty when it sends none (then another rule decides). */
  public static Mono<Authentication> keyOf(ServerWebExchange exchange) {
    String key = exchange.getRequest().getHeaders().getFirst(HEADER);
    return key == null ? Mono.empty() : Mono.just(ApiKeyAuthentication.presented(key));
  }
}
