package com.reservas.reservation.adapter.in.web.security;

import org.springframework.web.server.ServerWebExchange;

/** The API client a request was authenticated as; reservations belong to it. */
public record AuthenticatedClient(String id, String name) {

  static final String ATTRIBUTE = AuthenticatedClient.class.getName();

  /** The client of an authenticated request; the filter guarantees there is one on /api. */
  public static AuthenticatedClient of(ServerWebExchange exchange) {
    AuthenticatedClient client = exchange.getAttribute(ATTRIBUTE);
    if (client == null) {
      throw new IllegalStateException("Request reached a controller without authentication");
    }
    return client;
  }
}
