package com.reservas.notification.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a webhook tells of a reservation snapshot: its code and statuses, never the customer.
 *
 * @param code the reservation's code
 * @param clientId the API client that created it: only its endpoints hear of it
 * @param status the reservation's status
 * @param paymentStatus the payment's status
 * @param supplierStatus the supplier booking's status
 * @param at when it changed
 * @param reason why it was cancelled, or null
 * @param version the snapshot's version: orders a reservation's changes
 */
public record ReservationChange(
    String code,
    String clientId,
    String status,
    String paymentStatus,
    String supplierStatus,
    Instant at,
    String reason,
    long version) {

  /** Validates. */
  public ReservationChange {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
  }
}
