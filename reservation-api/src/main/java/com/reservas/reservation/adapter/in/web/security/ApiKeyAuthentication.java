package com.reservas.reservation.adapter.in.web.security;

import com.reservas.starter.security.CredentialAuthentication;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API key as presented in {@code X-Api-Key} ({@link #presented}) and, once checked, the {@link
 * AuthenticatedClient} it belongs to ({@link #authenticated}), with the role {@value #ROLE}.
 */
public final class ApiKeyAuthentication extends CredentialAuthentication {

  private static final long serialVersionUID = 1L;

  /** The role of every API client; the API's routes and controllers require it. */
  public static final String ROLE = "API_CLIENT";

  /** {@code @PreAuthorize} expression of {@link #ROLE}. */
  public static final String HAS_API_CLIENT_ROLE = "hasRole('" + ROLE + "')";

  private ApiKeyAuthentication(String apiKey, AuthenticatedClient client) {
    super(
        apiKey,
        client,
        client == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
  }

  /** A key taken from a request, not checked yet. */
  public static ApiKeyAuthentication presented(String apiKey) {
    return new ApiKeyAuthentication(apiKey, null);
  }

  /** A checked key: the request is the client's. */
  public static ApiKeyAuthentication authenticated(AuthenticatedClient client) {
    return new ApiKeyAuthentication(null, client);
  }
}
