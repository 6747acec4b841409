package com.reservas.starter.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Checks an operator credential against the configured one of every purpose, in constant time, and
 * grants the roles whose credential it is. A credential that opens nothing is a failed
 * authentication (401), never an anonymous request.
 */
public final class OperatorAuthenticationManager implements ReactiveAuthenticationManager {

  private final Map<OperatorRole, String> tokens;
  private final String header;

  public OperatorAuthenticationManager(OperatorProperties properties) {
    this.tokens = properties.tokens();
    this.header = properties.header();
  }

  @Override
  public Mono<Authentication> authenticate(Authentication authentication) {
    if (!(authentication instanceof OperatorAuthentication presented)
        || !(presented.getCredentials() instanceof String credential)) {
      return Mono.empty();
    }
    Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
    byte[] given = credential.getBytes(StandardCharsets.UTF_8);
    tokens.forEach(
        (role, token) -> {
          if (token != null
              && !token.isBlank()
              && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given)) {
            roles.add(role);
          }
        });
    if (roles.isEmpty()) {
      return Mono.error(new BadCredentialsException("Unknown operator credential"));
    }
    return Mono.just(OperatorAuthentication.authenticated(roles));
  }

  /**
   * The credential of a request: the operator header ({@code X-Admin-Token} by default) or an
   * {@code Authorization: Bearer} token (what Prometheus sends); empty when there is neither.
   */
  public Mono<Authentication> credentialOf(ServerWebExchange exchange) {
    var headers = exchange.getRequest().getHeaders();
    String token = headers.getFirst(header);
    if (token == null) {
      String authorization = headers.getFirst("Authorization");
      if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        token = authorization.substring(7).strip();
      }
    }
    if (token == null || token.isEmpty()) {
      return Mono.empty();
    }
    return Mono.just(OperatorAuthentication.presented(token));
  }
}
