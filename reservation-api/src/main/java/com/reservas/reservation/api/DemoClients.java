package com.reservas.reservation.api;

import com.reservas.reservation.adapter.in.web.security.SecurityProperties;
import java.util.Arrays;
import org.springframework.core.env.Environment;

/**
 * Demo clients ({@code reservas.security.seed-clients}) have keys published in the README; they
 * belong to the local run only. Any other profile — {@code prod} above all — refuses to start with
 * them, so a copied local configuration cannot open a deployment to anyone who read the README.
 */
final class DemoClients {

  private DemoClients() {}

  /** Throws when seed clients are configured outside the {@code local} profile. */
  static void check(SecurityProperties security, Environment environment) {
    if (security.seedClients().isEmpty() || environment.matchesProfiles("local")) {
      return;
    }
    throw new IllegalStateException(
        "reservas.security.seed-clients (demo clients with published keys) is honoured only under"
            + " the local profile, and the active profiles are "
            + Arrays.toString(environment.getActiveProfiles())
            + ". Remove it, and create API clients with POST /admin/api-clients (docs/SECURITY.md).");
  }
}
