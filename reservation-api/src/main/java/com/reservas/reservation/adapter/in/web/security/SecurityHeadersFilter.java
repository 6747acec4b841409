package com.reservas.reservation.adapter.in.web.security;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The usual security headers on every response, errors included (they are set just before the
 * response is committed, whoever writes it). HSTS only over HTTPS, as RFC 6797 requires. The API
 * answers JSON only, so its Content-Security-Policy allows nothing; Swagger UI gets one that allows
 * its own scripts and styles.
 */
public final class SecurityHeadersFilter implements WebFilter, Ordered {

  static final String HSTS = "max-age=31536000; includeSubDomains";
  static final String API_CSP =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  static final String SWAGGER_UI_CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    boolean https = exchange.getRequest().getSslInfo() != null;
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              HttpHeaders headers = exchange.getResponse().getHeaders();
              headers.set("X-Content-Type-Options", "nosniff");
              headers.set("X-Frame-Options", "DENY");
              headers.set("Referrer-Policy", "no-referrer");
              headers.set("Cross-Origin-Resource-Policy", "same-origin");
              headers.set("Content-Security-Policy", isSwaggerUi(path) ? SWAGGER_UI_CSP : API_CSP);
              if (path.startsWith("/api/") || path.startsWith("/admin")) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
                headers.set(HttpHeaders.PRAGMA, "no-cache");
              }
              if (https) {
                headers.set("Strict-Transport-Security", HSTS);
              }
              return Mono.empty();
            });
    return chain.filter(exchange);
  }

  private static boolean isSwaggerUi(String path) {
    return path.startsWith("/swagger-ui") || path.startsWith("/webjars/");
  }
}
