package com.reservas.stripe.standin;

import java.util.Map;

/**
 * One refund as the stand-in holds it; refunds succeed at once, as card refunds do in test mode.
 *
 * @param id {@code re_...}
 * @param amount amount refunded, in the currency's minor unit
 * @param currency lower-case ISO code
 * @param paymentIntent the refunded PaymentIntent's id
 * @param charge the refunded charge's id
 * @param reason the caller's reason, or null
 * @param metadata the caller's metadata
 * @param created creation time, Unix seconds
 */
public record RefundRecord(
    String id,
    long amount,
    String currency,
    String paymentIntent,
    String charge,
    String reason,
    Map<String, String> metadata,
    long created) {

  public RefundRecord {
    metadata = Map.copyOf(metadata);
  }

  /** Always {@code succeeded}: the stand-in has no pending refunds. */
  public String status() {
    return "succeeded";
  }
}
