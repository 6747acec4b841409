package com.reservas.starter.security;

import java.util.HashMap;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * The start-up check of the operator credentials: a service whose credentials are placeholders,
 * short, or shared between purposes does not start outside the {@code local} profile, and says
 * which property to fix. The properties the per-purpose credentials replaced are refused in every
 * profile, so an old deployment cannot believe it set a token that nothing reads.
 */
public final class OperatorCredentialsCheck {

  /** Properties of earlier versions and what replaced them. */
  static final Map<String, String> REPLACED =
      Map.of(
          "reservas.security.admin-token",
          "reservas.operator.key-administration-token",
          "reservas.consumer.dead-letter.admin-token",
          "reservas.operator.operations-token",
          "reservas.projector.admin-token",
          "reservas.operator.operations-token");

  private OperatorCredentialsCheck() {}

  /**
   * @throws IllegalStateException naming the property at fault
   */
  public static void check(OperatorProperties operator, Environment environment) {
    REPLACED.forEach(
        (old, replacement) -> {
          if (environment.containsProperty(old)) {
            CredentialRules.failStart(
                old
                    + " is no longer read: set "
                    + replacement
                    + " (one credential per purpose;"
                    + " see docs/SECURITY.md)");
          }
        });
    if (environment.matchesProfiles("local")) {
      return;
    }
    Map<String, String> purposeOf = new HashMap<>();
    operator
        .tokens()
        .forEach(
            (role, token) -> {
              if (token == null || token.isBlank()) {
                return;
              }
              String property = OperatorProperties.PROPERTIES.get(role);
              CredentialRules.require(property, token);
              String other = purposeOf.putIfAbsent(token, property);
              if (other != null) {
                CredentialRules.failStart(
                    property
                        + " has the same value as "
                        + other
                        + ": each purpose needs its own credential, so that one leaked credential"
                        + " opens one purpose");
              }
            });
  }
}
