package com.reservas.payment.domain;

import java.util.Objects;

/**
 * What happened to a payment operation: that an authorization starts, or what Stripe answered. Each
 * is published as an event on {@code payments.events}, except {@link AlreadyCaptured}, which makes
 * the consumer refund instead of void.
 */
public sealed interface PaymentOutcome {

  /** About to ask Stripe to authorize under {@code idempotencyKey}: published before the call. */
  record AuthorizationStarted(String idempotencyKey) implements PaymentOutcome {
    /** Validates. */
    public AuthorizationStarted {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
  }

  /** The amount is secured (PaymentIntent {@code requires_capture}). */
  record Authorized(String paymentIntentId, Money amount) implements PaymentOutcome {
    /** Validates. */
    public Authorized {
      Objects.requireNonNull(paymentIntentId, "paymentIntentId");
      Objects.requireNonNull(amount, "amount");
    }
  }

  /**
   * The card was declined: a business outcome, final, never retried.
   *
   * @param declineCode Stripe's {@code decline_code}, else its error {@code code}
   * @param message Stripe's explanation
   */
  record Declined(String declineCode, String message) implements PaymentOutcome {
    /** Validates. */
    public Declined {
      Objects.requireNonNull(declineCode, "declineCode");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The authorization failed for good for another reason than a decline (bad request...). */
  record Failed(String reason) implements PaymentOutcome {
    /** Validates. */
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The authorized amount was charged. */
  record Captured(String paymentIntentId) implements PaymentOutcome {
    /** Validates. */
    public Captured {
      Objects.requireNonNull(paymentIntentId, "paymentIntentId");
    }
  }

  /** The authorization was cancelled; nothing is charged. */
  record Voided(String paymentIntentId) implements PaymentOutcome {
    /** Validates. */
    public Voided {
      Objects.requireNonNull(paymentIntentId, "paymentIntentId");
    }
  }

  /** A captured amount was given back. */
  record Refunded(String paymentIntentId, String refundId) implements PaymentOutcome {
    /** Validates. */
    public Refunded {
      Objects.requireNonNull(paymentIntentId, "paymentIntentId");
      Objects.requireNonNull(refundId, "refundId");
    }
  }

  /**
   * Stripe refused a capture, void or refund for good (the authorization expired, the PaymentIntent
   * is in another state): asking again cannot succeed, so it is published for a person to act on
   * instead of being retried.
   *
   * @param paymentIntentId the PaymentIntent the operation was for
   * @param reason Stripe's error, masked
   */
  record Refused(String paymentIntentId, String reason) implements PaymentOutcome {
    /** Validates. */
    public Refused {
      Objects.requireNonNull(paymentIntentId, "paymentIntentId");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A void found the PaymentIntent already captured: it must be refunded instead. */
  record AlreadyCaptured(String paymentIntentId) implements PaymentOutcome {
    /** Validates. */
    public AlreadyCaptured {
      Objects.requireNonNull(paymentIntentId, "paymentIntentId");
    }
  }
}
