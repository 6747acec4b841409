package com.reservas.starter.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an operator credential is for. Each purpose has its own credential, so a leaked metrics
 * token cannot replay dead letters and a leaked replay token cannot mint API keys.
 */
public enum OperatorRole {
  /** Scraping {@code /actuator/prometheus}. */
  METRICS,
  /** Creating, rotating and revoking API keys and setting client quotas (the API's /admin). */
  KEY_ADMINISTRATION,
  /**
   * Running the platform: dead-letter replay, stuck-reservation actions, the audit log, actuator
   * endpoints beyond health and metrics, health details.
   */
  OPERATIONS;

  /** {@code @PreAuthorize} expression of the metrics role. */
  public static final String HAS_METRICS = "hasRole('METRICS')";

  /** {@code @PreAuthorize} expression of the key-administration role. */
  public static final String HAS_KEY_ADMINISTRATION = "hasRole('KEY_ADMINISTRATION')";

  /** {@code @PreAuthorize} expression of the operations role. */
  public static final String HAS_OPERATIONS = "hasRole('OPERATIONS')";

  /** The granted authority, {@code ROLE_<name>}. */
  public SimpleGrantedAuthority authority() {
    return new SimpleGrantedAuthority("ROLE_" + name());
  }
}
