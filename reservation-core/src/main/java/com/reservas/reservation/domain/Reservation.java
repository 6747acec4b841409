package com.reservas.reservation.domain;

import static java.util.Objects.requireNonNull;

import com.reservas.reservation.domain.Outcome.PaymentAuthorizationStarted;
import com.reservas.reservation.domain.Outcome.PaymentAuthorized;
import com.reservas.reservation.domain.Outcome.PaymentCaptured;
import com.reservas.reservation.domain.Outcome.PaymentDeclined;
import com.reservas.reservation.domain.Outcome.PaymentFailed;
import com.reservas.reservation.domain.Outcome.PaymentOperationRefused;
import com.reservas.reservation.domain.Outcome.PaymentRefunded;
import com.reservas.reservation.domain.Outcome.PaymentVoided;
import com.reservas.reservation.domain.Outcome.SupplierCancellationRefused;
import com.reservas.reservation.domain.Outcome.SupplierCancelled;
import com.reservas.reservation.domain.Outcome.SupplierConfirmed;
import com.reservas.reservation.domain.Outcome.SupplierRejected;
import com.reservas.reservation.domain.ReservationEvent.ReservationCancelled;
import com.reservas.reservation.domain.ReservationEvent.ReservationCreated;
import com.reservas.reservation.domain.ReservationEvent.ReservationStatusChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reservation aggregate and its state machine (docs/spec.md §3), in one place for every service
 * that changes a reservation. It is immutable: each change returns a {@link Transition} holding the
 * new state, the history row and the events, and bumps {@code version} for compare-and-set.
 *
 * <p>Outcomes are applied monotonically and idempotently: one that would move the reservation
 * backwards, or that was already applied, is {@link Transition.Unchanged}. An outcome that arrives
 * after a cancellation updates only the sub-status and, when money or a car is now held, emits an
 * event so that it is released.
 *
 * @param paymentIntentId the payment provider's id, {@code null} until authorized
 * @param supplierBookingReference the supplier's booking id, {@code null} until confirmed
 * @param cancellationReason why it was cancelled, {@code null} unless cancelled
 */
public record Reservation(
    ReservationCode code,
    String clientId,
    ReservationDetails details,
    Money price,
    ReservationStatus status,
    PaymentStatus paymentStatus,
    SupplierStatus supplierStatus,
    String paymentIntentId,
    String supplierBookingReference,
    String cancellationReason,
    List<StatusChange> history,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String RELEASE_LATE_AUTHORIZATION =
      "authorization arrived after cancellation";
  public static final String RELEASE_LATE_BOOKING = "supplier booking arrived after cancellation";
  public static final String RELEASE_LATE_CAPTURE = "capture arrived after cancellation";

  public Reservation {
    requireNonNull(code, "code");
    requireNonNull(clientId, "clientId");
    requireNonNull(details, "details");
    requireNonNull(price, "price");
    requireNonNull(status, "status");
    requireNonNull(paymentStatus, "paymentStatus");
    requireNonNull(supplierStatus, "supplierStatus");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
    history = List.copyOf(history);
  }

  /** Accepts a new reservation: status {@code CREATED}, nothing paid or booked yet. */
  public static ReservationCreated create(
      ReservationCode code, String clientId, ReservationDetails details, Money price, Instant now) {
    Reservation created =
        new Reservation(
            code,
            clientId,
            details,
            price,
            ReservationStatus.CREATED,
            PaymentStatus.PENDING,
            SupplierStatus.PENDING,
            null,
            null,
            null,
            List.of(new StatusChange(ReservationStatus.CREATED, now, null)),
            now,
            now,
            0);
    return new ReservationCreated(UUID.randomUUID(), now, created);
  }

  /** Applies the answer of the payment provider or the supplier. */
  public Transition apply(Outcome outcome, Instant at) {
    requireNonNull(at, "at");
    return outcome.handledBy(new OutcomeRules(at));
  }

  /** The rule for each kind of outcome, on this reservation at {@code at}. */
  private final class OutcomeRules implements Outcome.Handler<Transition> {

    private final Instant at;

    private OutcomeRules(Instant at) {
      this.at = at;
    }

    @Override
    public Transition paymentAuthorizationStarted(PaymentAuthorizationStarted outcome) {
      return onAuthorizationStarted(at);
    }

    @Override
    public Transition paymentAuthorized(PaymentAuthorized outcome) {
      return onAuthorized(outcome, at);
    }

    @Override
    public Transition paymentDeclined(PaymentDeclined outcome) {
      return onAuthorizationRefused(
          PaymentStatus.DECLINED, "payment declined: " + outcome.declineCode(), at);
    }

    @Override
    public Transition paymentFailed(PaymentFailed outcome) {
      return onAuthorizationRefused(
          PaymentStatus.FAILED, "payment failed: " + outcome.reason(), at);
    }

    @Override
    public Transition paymentCaptured(PaymentCaptured outcome) {
      return onCaptured(at);
    }

    @Override
    public Transition paymentVoided(PaymentVoided outcome) {
      if (!released()) {
        return premature("voided before the cancellation was recorded");
      }
      return paymentStatus == PaymentStatus.AUTHORIZED
          ? quietly(withPayment(PaymentStatus.VOIDED, paymentIntentId, at))
          : unchanged("nothing to void");
    }

    @Override
    public Transition paymentRefunded(PaymentRefunded outcome) {
      if (!released()) {
        return premature("refunded before the cancellation was recorded");
      }
      return paymentStatus.holdsMoney()
          ? quietly(withPayment(PaymentStatus.REFUNDED, paymentIntentId, at))
          : unchanged("nothing to refund");
    }

    @Override
    public Transition paymentOperationRefused(PaymentOperationRefused outcome) {
      // The capture, void or refund this state asked for cannot happen: stop asking, tell people.
      return paymentStatus.holdsMoney()
          ? announced(
              withPayment(PaymentStatus.NEEDS_ATTENTION, paymentIntentId, at),
              "payment needs attention: " + outcome.operation() + " refused: " + outcome.reason(),
              at)
          : unchanged("no capture, void or refund awaited");
    }

    @Override
    public Transition supplierConfirmed(SupplierConfirmed outcome) {
      return onSupplierConfirmed(outcome, at);
    }

    @Override
    public Transition supplierRejected(SupplierRejected outcome) {
      return onSupplierRejected(outcome, at);
    }

    @Override
    public Transition supplierCancelled(SupplierCancelled outcome) {
      if (!released()) {
        return premature("booking cancelled before the cancellation was recorded");
      }
      return supplierStatus == SupplierStatus.CONFIRMED
          ? quietly(withSupplier(SupplierStatus.CANCELLED, supplierBookingReference, at))
          : unchanged("no supplier booking to cancel");
    }

    @Override
    public Transition supplierCancellationRefused(SupplierCancellationRefused outcome) {
      // The cancellation this state asked for cannot happen: stop asking, tell people.
      return status == ReservationStatus.CANCELLED && supplierStatus == SupplierStatus.CONFIRMED
          ? announced(
              withSupplier(SupplierStatus.NEEDS_ATTENTION, supplierBookingReference, at),
              "booking needs attention: cancellation refused: " + outcome.reason(),
              at)
          : unchanged("no booking cancellation awaited");
    }
  }

  /**
   * The customer cancels. Allowed in every status but {@code CANCELLED}, and only before pickup;
   * whatever is held is released by the services reacting to the event.
   */
  public Transition cancel(String reason, Instant now) {
    requireNonNull(reason, "reason");
    if (status == ReservationStatus.CANCELLED) {
      return new Transition.Refused("the reservation is already cancelled");
    }
    if (!now.isBefore(details.period().pickup().instant())) {
      return new Transition.Refused("the pickup time has passed");
    }
    return cancelled(reason, paymentStatus, supplierStatus, now);
  }

  /**
   * Waiting for an answer that moves money or a car: payment or booking still open before
   * confirmation, a capture after confirmation, or, after cancellation, a release or an answer that
   * never came back (an authorization or a booking in flight may have been made and must then be
   * released).
   */
  public boolean awaitsOutcome() {
    return switch (status) {
      case CREATED, PAYMENT_IN_PROGRESS, PAID -> true;
      case SUPPLIER_CONFIRMED -> paymentStatus == PaymentStatus.AUTHORIZED;
      case CANCELLED ->
          paymentStatus.holdsMoney()
              || paymentStatus == PaymentStatus.IN_PROGRESS
              || supplierStatus == SupplierStatus.CONFIRMED
              || supplierStatus == SupplierStatus.REQUESTED;
    };
  }

  /**
   * Asks the services again for the answer this reservation waits for, by re-announcing its current
   * state: the consumers act on the snapshot and their idempotency keys make a repeated request
   * harmless. No status changes and no history row; {@code updatedAt} records the reminder.
   */
  public Transition remind(String reason, Instant now) {
    if (!awaitsOutcome()) {
      return unchanged("nothing to wait for");
    }
    Reservation next = touched(now);
    ReservationEvent event =
        new ReservationStatusChanged(UUID.randomUUID(), now, status, reason, next);
    return new Transition.Applied(next, version, Optional.empty(), List.of(event));
  }

  /**
   * Gives up on a reservation that never got its payment or supplier answer: cancels it whatever
   * the pickup time, and the cancellation releases whatever arrives later.
   */
  public Transition expire(String reason, Instant now) {
    if (status != ReservationStatus.CREATED
        && status != ReservationStatus.PAYMENT_IN_PROGRESS
        && status != ReservationStatus.PAID) {
      return new Transition.Refused("only an unconfirmed reservation expires");
    }
    return cancelled(reason, paymentStatus, supplierStatus, now);
  }

  /** A final status: cancelled, or confirmed with the payment captured. */
  public boolean isSettled() {
    return status == ReservationStatus.CANCELLED
        || (status == ReservationStatus.SUPPLIER_CONFIRMED
            && paymentStatus == PaymentStatus.CAPTURED);
  }

  public Optional<String> paymentIntent() {
    return Optional.ofNullable(paymentIntentId);
  }

  public Optional<String> supplierBooking() {
    return Optional.ofNullable(supplierBookingReference);
  }

  public Optional<String> cancellation() {
    return Optional.ofNullable(cancellationReason);
  }

  /** This reservation with {@code history} as its status history, as a store reads it back. */
  public Reservation withHistory(List<StatusChange> history) {
    return new Reservation(
        code,
        clientId,
        details,
        price,
        status,
        paymentStatus,
        supplierStatus,
        paymentIntentId,
        supplierBookingReference,
        cancellationReason,
        history,
        createdAt,
        updatedAt,
        version);
  }

  /** Money and cars are only given back once the reservation is cancelled. */
  private boolean released() {
    return status == ReservationStatus.CANCELLED;
  }

  private Transition onAuthorizationStarted(Instant at) {
    if (status != ReservationStatus.CREATED) {
      return unchanged("authorization already past its start");
    }
    Reservation next =
        moveTo(ReservationStatus.PAYMENT_IN_PROGRESS, null, at)
            .withPaymentFields(PaymentStatus.IN_PROGRESS, null);
    return statusChanged(next, null, at);
  }

  private Transition onAuthorized(PaymentAuthorized authorized, Instant at) {
    if (status == ReservationStatus.CREATED || status == ReservationStatus.PAYMENT_IN_PROGRESS) {
      Reservation next =
          moveTo(ReservationStatus.PAID, null, at)
              .withPaymentFields(PaymentStatus.AUTHORIZED, authorized.paymentIntentId())
              .withSupplierFields(SupplierStatus.REQUESTED, null);
      return statusChanged(next, null, at);
    }
    // Money Stripe holds for a cancelled reservation is released, whatever an earlier answer said.
    if (status == ReservationStatus.CANCELLED
        && (paymentStatus.awaitsAuthorization() || paymentStatus.authorizationRefused())) {
      Reservation next = withPayment(PaymentStatus.AUTHORIZED, authorized.paymentIntentId(), at);
      return announced(next, RELEASE_LATE_AUTHORIZATION, at);
    }
    return unchanged("authorization already applied");
  }

  private Transition onAuthorizationRefused(PaymentStatus outcome, String reason, Instant at) {
    if (status == ReservationStatus.CREATED || status == ReservationStatus.PAYMENT_IN_PROGRESS) {
      return cancelled(reason, outcome, supplierStatus, at);
    }
    if (status == ReservationStatus.CANCELLED && paymentStatus.awaitsAuthorization()) {
      return quietly(withPayment(outcome, null, at));
    }
    return unchanged("authorization answer already applied");
  }

  private Transition onCaptured(Instant at) {
    if (paymentStatus != PaymentStatus.AUTHORIZED) {
      return unchanged("nothing authorized to capture");
    }
    if (status == ReservationStatus.PAID) {
      return premature("captured before the supplier confirmation was recorded");
    }
    Reservation next = withPayment(PaymentStatus.CAPTURED, paymentIntentId, at);
    return status == ReservationStatus.CANCELLED
        ? announced(next, RELEASE_LATE_CAPTURE, at)
        : quietly(next);
  }

  private Transition onSupplierConfirmed(SupplierConfirmed confirmed, Instant at) {
    if (status == ReservationStatus.CREATED || status == ReservationStatus.PAYMENT_IN_PROGRESS) {
      return premature("supplier answered before the payment was recorded");
    }
    if (status == ReservationStatus.PAID) {
      Reservation next =
          moveTo(ReservationStatus.SUPPLIER_CONFIRMED, null, at)
              .withSupplierFields(SupplierStatus.CONFIRMED, confirmed.bookingReference());
      return statusChanged(next, null, at);
    }
    if (status == ReservationStatus.CANCELLED && supplierStatus == SupplierStatus.REQUESTED) {
      Reservation next = withSupplier(SupplierStatus.CONFIRMED, confirmed.bookingReference(), at);
      return announced(next, RELEASE_LATE_BOOKING, at);
    }
    return unchanged("supplier answer already applied");
  }

  private Transition onSupplierRejected(SupplierRejected rejected, Instant at) {
    if (status == ReservationStatus.CREATED || status == ReservationStatus.PAYMENT_IN_PROGRESS) {
      return premature("supplier answered before the payment was recorded");
    }
    if (status == ReservationStatus.PAID) {
      return cancelled(
          "supplier rejected: " + rejected.reason(), paymentStatus, SupplierStatus.REJECTED, at);
    }
    if (status == ReservationStatus.CANCELLED && supplierStatus == SupplierStatus.REQUESTED) {
      return quietly(withSupplier(SupplierStatus.REJECTED, null, at));
    }
    return unchanged("supplier answer already applied");
  }

  private Transition cancelled(
      String reason, PaymentStatus payment, SupplierStatus supplier, Instant at) {
    Reservation next =
        moveTo(ReservationStatus.CANCELLED, reason, at)
            .withPaymentFields(payment, paymentIntentId)
            .withSupplierFields(supplier, supplierBookingReference);
    ReservationEvent event = new ReservationCancelled(UUID.randomUUID(), at, status, reason, next);
    return new Transition.Applied(next, version, next.lastChange(), List.of(event));
  }

  private Transition statusChanged(Reservation next, String reason, Instant at) {
    ReservationEvent event =
        new ReservationStatusChanged(UUID.randomUUID(), at, status, reason, next);
    return new Transition.Applied(next, version, next.lastChange(), List.of(event));
  }

  /**
   * A sub-status moved without a status change and others must hear of it: announce the snapshot.
   */
  private Transition announced(Reservation next, String reason, Instant at) {
    ReservationEvent event =
        new ReservationStatusChanged(UUID.randomUUID(), at, status, reason, next);
    return new Transition.Applied(next, version, Optional.empty(), List.of(event));
  }

  /** A sub-status moved and nobody needs to act on it. */
  private Transition quietly(Reservation next) {
    return new Transition.Applied(next, version, Optional.empty(), List.of());
  }

  private static Transition premature(String why) {
    return new Transition.Premature(why);
  }

  private static Transition unchanged(String why) {
    return new Transition.Unchanged(why);
  }

  private Optional<StatusChange> lastChange() {
    return Optional.of(history.get(history.size() - 1));
  }

  private Reservation moveTo(ReservationStatus target, String reason, Instant at) {
    List<StatusChange> nextHistory = new ArrayList<>(history);
    nextHistory.add(new StatusChange(target, at, reason));
    return new Reservation(
        code,
        clientId,
        details,
        price,
        target,
        paymentStatus,
        supplierStatus,
        paymentIntentId,
        supplierBookingReference,
        target == ReservationStatus.CANCELLED ? reason : cancellationReason,
        nextHistory,
        createdAt,
        later(at),
        version + 1);
  }

  private Reservation withPayment(PaymentStatus payment, String intentId, Instant at) {
    return touched(at).withPaymentFields(payment, intentId);
  }

  private Reservation withSupplier(SupplierStatus supplier, String bookingReference, Instant at) {
    return touched(at).withSupplierFields(supplier, bookingReference);
  }

  private Reservation touched(Instant at) {
    return new Reservation(
        code,
        clientId,
        details,
        price,
        status,
        paymentStatus,
        supplierStatus,
        paymentIntentId,
        supplierBookingReference,
        cancellationReason,
        history,
        createdAt,
        later(at),
        version + 1);
  }

  private Reservation withPaymentFields(PaymentStatus payment, String intentId) {
    return new Reservation(
        code,
        clientId,
        details,
        price,
        status,
        payment,
        supplierStatus,
        intentId != null ? intentId : paymentIntentId,
        supplierBookingReference,
        cancellationReason,
        history,
        createdAt,
        updatedAt,
        version);
  }

  private Reservation withSupplierFields(SupplierStatus supplier, String bookingReference) {
    return new Reservation(
        code,
        clientId,
        details,
        price,
        status,
        paymentStatus,
        supplier,
        paymentIntentId,
        bookingReference != null ? bookingReference : supplierBookingReference,
        cancellationReason,
        history,
        createdAt,
        updatedAt,
        version);
  }

  /** Timestamps never go backwards, even when a late event carries an older time. */
  private Instant later(Instant at) {
    return at.isAfter(updatedAt) ? at : updatedAt;
  }
}
