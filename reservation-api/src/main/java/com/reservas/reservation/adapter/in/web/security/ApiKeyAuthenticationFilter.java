package com.reservas.reservation.adapter.in.web.security;

import com.reservas.reservation.adapter.in.web.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every {@code /api} request must carry a valid {@code X-Api-Key}; the client it belongs to is
 * attached to the exchange. Operator endpoints ({@code /actuator} beyond health, {@code /admin})
 * need the separate admin token instead.
 */
public final class ApiKeyAuthenticationFilter implements WebFilter, Ordered {

  public static final String API_KEY_HEADER = "X-Api-Key";
  public static final String ADMIN_TOKEN_HEADER = "X-Admin-Token";

  private final ApiClientDirectory clients;
  private final ApiKeyHasher hasher;
  private final String adminToken;
  private final ProblemWriter problems;

  public ApiKeyAuthenticationFilter(
      ApiClientDirectory clients, ApiKeyHasher hasher, String adminToken, ProblemWriter problems) {
    this.clients = clients;
    this.hasher = hasher;
    this.adminToken = adminToken;
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    if (path.startsWith("/api/")) {
      return authenticateClient(exchange, chain);
    }
    if (isOperatorPath(path)) {
      String token = exchange.getRequest().getHeaders().getFirst(ADMIN_TOKEN_HEADER);
      if (adminToken == null || adminToken.isBlank() || !constantTimeEquals(adminToken, token)) {
        return problems.write(
            exchange,
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Forbidden",
            "Operator endpoints need a valid " + ADMIN_TOKEN_HEADER);
      }
    }
    return chain.filter(exchange);
  }

  private Mono<Void> authenticateClient(ServerWebExchange exchange, WebFilterChain chain) {
    String key = exchange.getRequest().getHeaders().getFirst(API_KEY_HEADER);
    if (key == null || key.isBlank() || key.length() > 200) {
      return unauthorized(exchange, "Send your API key in the " + API_KEY_HEADER + " header");
    }
    return clients
        .findActive(hasher.hash(key))
        .flatMap(
            client -> {
              exchange.getAttributes().put(AuthenticatedClient.ATTRIBUTE, client);
              return chain.filter(exchange).thenReturn(true);
            })
        .switchIfEmpty(
            Mono.defer(
                () -> unauthorized(exchange, "Unknown or revoked API key").thenReturn(false)))
        .then();
  }

  private Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
    exchange
        .getResponse()
        .getHeaders()
        .set("WWW-Authenticate", "ApiKey header=\"" + API_KEY_HEADER + "\"");
    return problems.write(
        exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
  }

  private static boolean isOperatorPath(String path) {
    if (path.startsWith("/admin")) {
      return true;
    }
    return path.startsWith("/actuator")
        && !path.equals("/actuator/health")
        && !path.startsWith("/actuator/health/");
  }

  private static boolean constantTimeEquals(String expected, String given) {
    return given != null
        && java.security.MessageDigest.isEqual(
            expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
