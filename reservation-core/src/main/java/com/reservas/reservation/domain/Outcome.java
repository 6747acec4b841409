package com.reservas.reservation.domain;

import static java.util.Objects.requireNonNull;

/**
 * Something that happened outside the reservation and that the reservation must take into account:
 * the answers of the payment provider and of the supplier. Each is applied by {@link
 * Reservation#apply(Outcome, java.time.Instant)}.
 */
public sealed interface Outcome {

  /** The payment consumer started authorizing the card. */
  record PaymentAuthorizationStarted() implements Outcome {}

  /** The card authorization succeeded: the amount is held. */
  record PaymentAuthorized(String paymentIntentId) implements Outcome {
    public PaymentAuthorized {
      requireNonNull(paymentIntentId, "paymentIntentId");
    }
  }

  /** The card was declined: a business answer, final. */
  record PaymentDeclined(String declineCode) implements Outcome {
    public PaymentDeclined {
      requireNonNull(declineCode, "declineCode");
    }
  }

  /** The authorization failed for good (retries exhausted and given up). */
  record PaymentFailed(String reason) implements Outcome {
    public PaymentFailed {
      requireNonNull(reason, "reason");
    }
  }

  /** The held amount was taken. */
  record PaymentCaptured() implements Outcome {}

  /** The held amount was released without being taken. */
  record PaymentVoided() implements Outcome {}

  /** A taken amount was given back. */
  record PaymentRefunded() implements Outcome {}

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
  }

  /** The supplier booked a car. */
  record SupplierConfirmed(String bookingReference) implements Outcome {
    public SupplierConfirmed {
      requireNonNull(bookingReference, "bookingReference");
    }
  }

  /** The supplier could not provide a car. */
  record SupplierRejected(String reason) implements Outcome {
    public SupplierRejected {
      requireNonNull(reason, "reason");
    }
  }

  /** The supplier cancelled its booking at our request. */
  record SupplierCancelled() implements Outcome {}

  /**
   * The supplier refused for good to cancel its booking: asking again cannot succeed.
   *
   * @param reason the supplier's answer, masked
   */
  record SupplierCancellationRefused(String reason) implements Outcome {
    public SupplierCancellationRefused {
      requireNonNull(reason, "reason");
    }
  }
}
