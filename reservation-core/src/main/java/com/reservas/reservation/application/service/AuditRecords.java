package com.reservas.reservation.application.service;

import com.reservas.reservation.application.port.out.AuditRecord;
import com.reservas.reservation.application.port.out.AuditRecord.Action;
import com.reservas.reservation.domain.Reservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit records the use cases write. Details name codes, statuses and reasons, never the
 * customer: the reservation itself holds the personal data, the audit log only points at it.
 */
final class AuditRecords {

  private AuditRecords() {}

  static AuditRecord created(Reservation reservation, String sourceIp, boolean idempotent) {
    var vehicle = reservation.details().vehicle();
    var period = reservation.details().period();
    String details =
        "category %s, supplier %s, %s to %s, %s %s%s"
            .formatted(
                vehicle.categoryCode(),
                vehicle.supplierCode(),
                period.pickup().officeCode(),
                period.dropoff().officeCode(),
                reservation.price().amountText(),
                reservation.price().currency(),
                idempotent ? ", with an Idempotency-Key" : "");
    return new AuditRecord(
        reservation.createdAt(),
        reservation.clientId(),
        Action.CREATED,
        reservation.code().value(),
        sourceIp,
        details);
  }

  static AuditRecord read(
      Reservation reservation, String clientId, String sourceIp, Instant at, String details) {
    return new AuditRecord(
        at, clientId, Action.READ, reservation.code().value(), sourceIp, details);
  }

  static AuditRecord cancelled(
      Reservation before, Reservation after, String clientId, String sourceIp, Instant at) {
    return new AuditRecord(
        at,
        clientId,
        Action.CANCELLED,
        after.code().value(),
        sourceIp,
        changes(before, after) + after.cancellation().map(r -> "; reason: " + r).orElse(""));
  }

  /** A change of status or sub-status made by a service; empty when none of them changed. */
  static Optional<AuditRecord> statusChanged(
      Reservation before, Reservation after, String actor, Instant at, String cause) {
    String changes = changes(before, after);
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    String reason =
        after.status() != before.status() && after.cancellation().isPresent()
            ? "; reason: " + after.cancellationReason()
            : "";
    return Optional.of(
        new AuditRecord(
            at,
            actor,
            Action.STATUS_CHANGED,
            after.code().value(),
            null,
            changes + reason + "; " + cause));
  }

  /** {@code status PAID -> CANCELLED; payment AUTHORIZED -> VOIDED}, only what changed. */
  private static String changes(Reservation before, Reservation after) {
    List<String> parts = new ArrayList<>();
    if (before.status() != after.status()) {
      parts.add("status " + before.status() + " -> " + after.status());
    }
    if (before.paymentStatus() != after.paymentStatus()) {
      parts.add("payment " + before.paymentStatus() + " -> " + after.paymentStatus());
    }
    if (before.supplierStatus() != after.supplierStatus()) {
      parts.add("supplier " + before.supplierStatus() + " -> " + after.supplierStatus());
    }
    return String.join("; ", parts);
  }
}
