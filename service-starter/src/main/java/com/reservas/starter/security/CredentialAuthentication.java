package com.reservas.starter.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A credential sent in a header, first as presented (unchecked: no principal, no authority), then,
 * once its authentication manager checked it, as the principal it belongs to with its roles. The
 * secret never leaves the request: it is not serialized and is erased after authentication.
 */
public abstract class CredentialAuthentication extends AbstractAuthenticationToken {

  private static final long serialVersionUID = 1L;

  private transient String credential;
  private final transient Object principal;

  /** A presented credential ({@code principal == null}) or a checked one. */
  protected CredentialAuthentication(
      String credential, Object principal, Collection<? extends GrantedAuthority> authorities) {
    super(authorities);
    this.credential = credential;
    this.principal = principal;
    super.setAuthenticated(principal != null);
  }

  /** The credential as presented; {@code null} once checked. */
  @Override
  public Object getCredentials() {
    return credential;
  }

  /** Whom the credential belongs to; {@code null} before it was checked. */
  @Override
  public Object getPrincipal() {
    return principal;
  }

  /** Only the authentication manager authenticates, by creating a checked instance. */
  @Override
  public void setAuthenticated(boolean authenticated) {
    if (authenticated) {
      throw new IllegalArgumentException("Checked credentials are created, not flagged");
    }
    super.setAuthenticated(false);
  }

  @Override
  public void eraseCredentials() {
    super.eraseCredentials();
    credential = null;
  }

  @Override
  public boolean equals(Object other) {
    return super.equals(other);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
