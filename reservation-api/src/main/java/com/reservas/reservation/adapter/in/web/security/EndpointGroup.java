package com.reservas.reservation.adapter.in.web.security;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The endpoints that share one rate limit per client IP. Matched like routing and authorization
 * match: path patterns on the decoded path, so {@code /%61pi/...} is the {@code /api/...} it routes
 * to and gets its limits.
 */
public enum EndpointGroup {
  /** {@code POST /api/v1/reservations}. */
  CREATE,
  /** {@code GET /api/v1/reservations/{code}}, and any other {@code /api} request. */
  READ,
  /** {@code POST /api/v1/reservations/{code}/cancellation}. */
  CANCEL,
  /** {@code GET /api/v1/offices}, {@code /suppliers}, {@code /vehicle-categories}. */
  CATALOGUE;

  private static final PathPattern RESERVATIONS = parse("/api/v1/reservations");
  private static final PathPattern CANCELLATION = parse("/api/v1/reservations/*/cancellation");
  private static final List<PathPattern> CATALOGUE_PATHS =
      List.of(
          parse("/api/v1/offices"),
          parse("/api/v1/suppliers"),
          parse("/api/v1/vehicle-categories"));
  private static final PathPattern API = parse("/api/**");

  /** The group of an {@code /api} request; empty for everything outside {@code /api}. */
  public static Optional<EndpointGroup> of(HttpMethod method, PathContainer path) {
    if (!API.matches(path)) {
      return Optional.empty();
    }
    if (HttpMethod.POST.equals(method)) {
      if (RESERVATIONS.matches(path)) {
        return Optional.of(CREATE);
      }
      if (CANCELLATION.matches(path)) {
        return Optional.of(CANCEL);
      }
    }
    if (CATALOGUE_PATHS.stream().anyMatch(pattern -> pattern.matches(path))) {
      return Optional.of(CATALOGUE);
    }
    return Optional.of(READ);
  }

  /** The group of a raw request path (percent-encoded, as received). */
  public static Optional<EndpointGroup> of(HttpMethod method, String rawPath) {
    return of(method, PathContainer.parsePath(rawPath));
  }

  private static PathPattern parse(String pattern) {
    return PathPatternParser.defaultInstance.parse(pattern);
  }
}
