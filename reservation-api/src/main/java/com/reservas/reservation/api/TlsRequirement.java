package com.reservas.reservation.api;

import org.springframework.core.env.Environment;

/**
 * The start-up check behind {@code reservas.tls.required}: it runs while the application context is
 * being built, before the web server accepts a connection, so a production instance without TLS
 * never serves a request in clear.
 */
final class TlsRequirement {

  static final String MESSAGE =
      "TLS is required (reservas.tls.required=true, set by the prod profile) but"
          + " server.ssl.bundle is not set. Define an SSL bundle (e.g."
          + " SPRING_SSL_BUNDLE_PEM_API_KEYSTORE_CERTIFICATE and"
          + " SPRING_SSL_BUNDLE_PEM_API_KEYSTORE_PRIVATEKEY) and name it in SERVER_SSL_BUNDLE=api;"
          + " see docs/SECURITY.md.";

  private TlsRequirement() {}

  /** Throws when TLS is required and not configured. */
  static void check(TlsProperties tls, Environment environment) {
    if (!tls.required()) {
      return;
    }
    String bundle = environment.getProperty("server.ssl.bundle");
    boolean disabled = "false".equalsIgnoreCase(environment.getProperty("server.ssl.enabled"));
    if (bundle == null || bundle.isBlank() || disabled) {
      throw new IllegalStateException(MESSAGE);
    }
  }
}
