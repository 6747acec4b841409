package com.reservas.starter.security;

import java.util.Collection;
import java.util.List;

/**
 * An operator credential as presented ({@link #presented}) and, once checked, the purposes it opens
 * ({@link #authenticated}). The principal is the word {@value #PRINCIPAL}: credentials are per
 * purpose, not per person.
 */
public final class OperatorAuthentication extends CredentialAuthentication {

  private static final long serialVersionUID = 1L;

  /** The principal of every operator request, also the actor in audit records. */
  public static final String PRINCIPAL = "operator";

  private OperatorAuthentication(String credential, Collection<OperatorRole> roles) {
    super(
        credential,
        credential == null ? PRINCIPAL : null,
        roles.stream().map(OperatorRole::authority).toList());
  }

  /** A credential taken from a request, not checked yet. */
  public static OperatorAuthentication presented(String credential) {
    return new OperatorAuthentication(credential, List.of());
  }

  /** A checked credential and the roles it grants. */
  public static OperatorAuthentication authenticated(Collection<OperatorRole> roles) {
    return new OperatorAuthentication(null, roles);
  }
}
