package com.reservas.reservation.domain;

import static java.util.Objects.requireNonNull;

/**
 * Something that happened outside the reservation and that the reservation must take into account:
 * the answers of the payment provider and of the supplier. Each is applied by {@link
 * Reservation#apply(Outcome, java.time.Instant)}.
 */
public sealed interface Outcome {

  /**
   * Hands this outcome to the method of {@code handler} for its kind. The state machine dispatches
   * through it so that a new kind of outcome does not compile until every handler says what it does
   * with it (Java 17 has no exhaustive pattern {@code switch}).
   */
  <R> R handledBy(Handler<R> handler);

  /**
   * What to do with each kind of outcome: one method per kind.
   *
   * @param <R> what handling an outcome gives
   */
  interface Handler<R> {
    R paymentAuthorizationStarted(PaymentAuthorizationStarted outcome);

    R paymentAuthorized(PaymentAuthorized outcome);

    R paymentDeclined(PaymentDeclined outcome);

    R paymentFailed(PaymentFailed outcome);

    R paymentCaptured(PaymentCaptured outcome);

    R paymentVoided(PaymentVoided outcome);

    R paymentRefunded(PaymentRefunded outcome);

    R paymentOperationRefused(PaymentOperationRefused outcome);

    R supplierConfirmed(SupplierConfirmed outcome);

    R supplierRejected(SupplierRejected outcome);

    R supplierCancelled(SupplierCancelled outcome);

    R supplierCancellationRefused(SupplierCancellationRefused outcome);
  }

  /** The payment consumer started authorizing the card. */
  record PaymentAuthorizationStarted() implements Outcome {
    @Override
    public <R> R handledBy(Handler<R> handler) {
      return handler.paymentAuthorizationStarted(this);
    }
  }

  /** The card authorization succeeded: the amount is held. */
  record PaymentAuthorized(String paymentIntentId) implements Outcome {
    public PaymentAuthorized {
      requireNonNull(paymentIntentId, "paymentIntentId");
    }

    @Override
    public <R> R handledBy(Handler<R> handler) {
      return handler.paymentAuthorized(this);
    }
  }

  /** The card was declined: a business answer, final. */
  record PaymentDeclined(String declineCode) implements Outcome {
    public PaymentDeclined {
      requireNonNull(declineCode, "declineCode");
    }

    @Override
    public <R> R handledBy(Handler<R> handler) {
      return handler.paymentDeclined(this);
    }
  }

  /** The authorization failed for good (retries exhausted and given up). */
  record PaymentFailed(String reason) implements Outcome {
    public PaymentFailed {
      requireNonNull(reason, "reason");
    }

    @Override
    public <R> R handledBy(Handler<R> handler) {
      return handler.paymentFailed(this);
    }
  }

  /** The held amount was taken. */
  record PaymentCaptured() implements Outcome {
    @Override
    public <R> R handledBy(Handler<R> handler) {
      return handler.paymentCaptured(this);
    }
  }

  /** The held amount was released without being taken. */
  record PaymentVoided() implements Outcome {
    @Override
    public <R> R handledBy(Handler<R> handler) {
      return handler.paymentVoided(this);
    }
  }

  /** A taken amount was given back. */
  record PaymentRefunded() implements Outcome {
    @Override
    public <R> R handledBy(Handler<R> handler) {
      return handler.paymentRefunded(this);
    }
  }

  /**
   * Stripe refused a capture, void or refund for good (e.g. the authorization expired): asking
   * again cannot succeed.
   *
   * @param operation {@code capture}, {@code void} or {@code refund}
   * @param reason Stripe's error, masked
   */
  record PaymentOperationRefused(String operation, String reason) implements Outcome {
    public PaymentOperationRefused {
      requireNonNull(operation, "operation");
      requireNonNull(reason, "reason");
    }

    @Override
    public <R> R handledBy(Handler<R> handler) {
      return handler.paymentOperationRefused(this);
    }
  }

  /** The supplier booked a car. */
  record SupplierConfirmed(String bookingReference) implements Outcome {
    public SupplierConfirmed {
      requireNonNull(bookingReference, "bookingReference");
    }

    @Override
    public <R> R handledBy(Handler<R> handler) {
      return handler.supplierConfirmed(this);
    }
  }

  /** The supplier could not provide a car. */
  record SupplierRejected(String reason) implements Outcome {
    public SupplierRejected {
      requireNonNull(reason, "reason");
    }

    @Override
    public <R> R handledBy(Handler<R> handler) {
      return handler.supplierRejected(this);
    }
  }

  /** The supplier cancelled its booking at our request. */
  record SupplierCancelled() implements Outcome {
    @Override
    public <R> R handledBy(Handler<R> handler) {
      return handler.supplierCancelled(this);
    }
  }

  /**
   * The supplier refused for good to cancel its booking: asking again cannot succeed.
   *
   * @param reason the supplier's answer, masked
   */
  record SupplierCancellationRefused(String reason) implements Outcome {
    public SupplierCancellationRefused {
      requireNonNull(reason, "reason");
    }

    @Override
    public <R> R handledBy(Handler<R> handler) {
      return handler.supplierCancellationRefused(this);
    }
  }
}
