package com.reservas.stripe.standin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One PaymentIntent as the stand-in holds it: what tests assert on and what the JSON answers are
 * rendered from. Immutable; each state change yields a new record.
 *
 * @param id {@code pi_...}
 * @param amount amount requested, in the currency's minor unit
 * @param amountCapturable amount authorized and not yet captured or released
 * @param amountReceived amount captured
 * @param amountRefunded amount refunded so far (on Stripe this lives on the charge)
 * @param currency lower-case ISO code
 * @param status lifecycle status
 * @param captureMethod {@code manual}, {@code automatic} or {@code automatic_async}
 * @param paymentMethod the PaymentMethod id, or null
 * @param paymentMethodTypes allowed payment method types
 * @param metadata the caller's metadata
 * @param description the caller's description, or null
 * @param latestCharge id of the last charge attempt, or null
 * @param clientSecret the client secret
 * @param created creation time, Unix seconds
 * @param canceledAt cancellation time, Unix seconds, or null
 * @param cancellationReason why it was canceled, or null
 * @param lastPaymentError the last decline, or null
 */
public record PaymentIntentRecord(
    String id,
    long amount,
    long amountCapturable,
    long amountReceived,
    long amountRefunded,
    String currency,
    PaymentIntentStatus status,
    String captureMethod,
    String paymentMethod,
    List<String> paymentMethodTypes,
    Map<String, String> metadata,
    String description,
    String latestCharge,
    String clientSecret,
    long created,
    Long canceledAt,
    String cancellationReason,
    TestPaymentMethod.CardDecline lastPaymentError) {

  /** The metadata key that links a PaymentIntent to a Reservas reservation. */
  public static final String RESERVATION_CODE_KEY = "reservation_code";

  public PaymentIntentRecord {
    paymentMethodTypes = List.copyOf(paymentMethodTypes);
    metadata = Map.copyOf(metadata);
  }

  /** The reservation this PaymentIntent is for, from {@code metadata[reservation_code]}. */
  public Optional<String> reservationCode() {
    return Optional.ofNullable(metadata.get(RESERVATION_CODE_KEY));
  }

  boolean isManualCapture() {
    return "manual".equals(captureMethod);
  }

  PaymentIntentRecord withPaymentMethod(String newPaymentMethod) {
    return new PaymentIntentRecord(
        id,
        amount,
        amountCapturable,
        amountReceived,
        amountRefunded,
        currency,
        status,
        captureMethod,
        newPaymentMethod,
        paymentMethodTypes,
        metadata,
        description,
        latestCharge,
        clientSecret,
        created,
        canceledAt,
        cancellationReason,
        lastPaymentError);
  }

  /** Confirmed without a decline: held for capture, or captured at once for automatic capture. */
  PaymentIntentRecord authorized(String chargeId) {
    boolean manual = isManualCapture();
    return new PaymentIntentRecord(
        id,
        amount,
        manual ? amount : 0,
        manual ? 0 : amount,
        amountRefunded,
        currency,
        manual ? PaymentIntentStatus.REQUIRES_CAPTURE : PaymentIntentStatus.SUCCEEDED,
        captureMethod,
        paymentMethod,
        paymentMethodTypes,
        metadata,
        description,
        chargeId,
        clientSecret,
        created,
        canceledAt,
        cancellationReason,
        null);
  }

  PaymentIntentRecord declined(String chargeId, TestPaymentMethod.CardDecline decline) {
    return new PaymentIntentRecord(
        id,
        amount,
        0,
        0,
        amountRefunded,
        currency,
        PaymentIntentStatus.REQUIRES_PAYMENT_METHOD,
        captureMethod,
        null,
        paymentMethodTypes,
        metadata,
        description,
        chargeId,
        clientSecret,
        created,
        canceledAt,
        cancellationReason,
        decline);
  }

  PaymentIntentRecord captured(long capturedAmount) {
    return new PaymentIntentRecord(
        id,
        amount,
        0,
        capturedAmount,
        amountRefunded,
        currency,
        PaymentIntentStatus.SUCCEEDED,
        captureMethod,
        paymentMethod,
        paymentMethodTypes,
        metadata,
        description,
        latestCharge,
        clientSecret,
        created,
        canceledAt,
        cancellationReason,
        lastPaymentError);
  }

  PaymentIntentRecord canceled(long at, String reason) {
    return new PaymentIntentRecord(
        id,
        amount,
        0,
        amountReceived,
        amountRefunded,
        currency,
        PaymentIntentStatus.CANCELED,
        captureMethod,
        paymentMethod,
        paymentMethodTypes,
        metadata,
        description,
        latestCharge,
        clientSecret,
        created,
        at,
        reason,
        lastPaymentError);
  }

  PaymentIntentRecord refunded(long refundedAmount) {
    return new PaymentIntentRecord(
        id,
        amount,
        amountCapturable,
        amountReceived,
        amountRefunded + refundedAmount,
        currency,
        status,
        captureMethod,
        paymentMethod,
        paymentMethodTypes,
        metadata,
        description,
        latestCharge,
        clientSecret,
        created,
        canceledAt,
        cancellationReason,
        lastPaymentError);
  }
}
