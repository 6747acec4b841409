package com.reservas.reservation.adapter.in.web.security;

import java.util.Optional;
import org.springframework.http.HttpMethod;

/** The endpoints that share one rate limit per client IP. */
public enum EndpointGroup {
  /** {@code POST /api/v1/reservations}. */
  CREATE,
  /** {@code GET /api/v1/reservations/{code}}, and any other {@code /api} request. */
  READ,
  /** {@code POST /api/v1/reservations/{code}/cancellation}. */
  CANCEL,
  /** {@code GET /api/v1/offices}, {@code /suppliers}, {@code /vehicle-categories}. */
  CATALOGUE;

  private static final String RESERVATIONS = "/api/v1/reservations";

  /** The group of an {@code /api} request; empty for everything outside {@code /api}. */
  public static Optional<EndpointGroup> of(HttpMethod method, String path) {
    if (!path.startsWith("/api/")) {
      return Optional.empty();
    }
    if (HttpMethod.POST.equals(method)) {
      if (path.equals(RESERVATIONS) || path.equals(RESERVATIONS + "/")) {
        return Optional.of(CREATE);
      }
      if (path.startsWith(RESERVATIONS + "/") && path.endsWith("/cancellation")) {
        return Optional.of(CANCEL);
      }
    }
    if (path.equals("/api/v1/offices")
        || path.equals("/api/v1/suppliers")
        || path.equals("/api/v1/vehicle-categories")) {
      return Optional.of(CATALOGUE);
    }
    return Optional.of(READ);
  }
}
