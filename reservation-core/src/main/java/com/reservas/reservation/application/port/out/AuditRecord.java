package com.reservas.reservation.application.port.out;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * One line of the audit log (docs/spec.md §7): who ({@code actor}: the API client's id, or the name
 * of the service that acted), did what ({@code action}), when, from where ({@code sourceIp}, for
 * requests from outside), to which reservation (none for key management). {@code details} never
 * hold personal data in clear: the use cases put none in, and the adapter masks what free text
 * might carry before storing it.
 */
public record AuditRecord(
    Instant occurredAt,
    String actor,
    Action action,
    String reservationCode,
    String sourceIp,
    String details) {

  public AuditRecord {
    requireNonNull(occurredAt, "occurredAt");
    requireNonNull(actor, "actor");
    requireNonNull(action, "action");
  }

  /** What was done; {@link #code()} is what the audit table and the operators see. */
  public enum Action {
    CREATED("reservation.created"),
    READ("reservation.read"),
    CANCELLED("reservation.cancelled"),
    STATUS_CHANGED("reservation.status-changed"),
    /** An operator created an API client (no reservation). */
    API_CLIENT_CREATED("api-client.created"),
    /** An operator gave an API client a new key, replacing the old one (no reservation). */
    API_CLIENT_KEY_ROTATED("api-client.key-rotated"),
    /** An operator revoked an API client's key (no reservation). */
    API_CLIENT_REVOKED("api-client.revoked"),
    /** An operator gave an API client its own quota, or took it back to the default. */
    API_CLIENT_QUOTA_CHANGED("api-client.quota-changed");

    private final String code;

    Action(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Optional<Action> ofCode(String code) {
      return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
  }
}
