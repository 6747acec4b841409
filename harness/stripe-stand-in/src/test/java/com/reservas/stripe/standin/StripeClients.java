package com.reservas.stripe.standin;

import com.stripe.StripeClient;
import com.stripe.param.PaymentIntentCreateParams;

/** The real stripe-java client pointed at a stand-in, and the requests the tests send with it. */
final class StripeClients {

  static final String TEST_KEY = "sk_test_standin0123456789";

  private StripeClients() {}

  static StripeClient client(StripeStandIn standIn) {
    return client(standIn, 0, 10_000);
  }

  static StripeClient client(StripeStandIn standIn, int networkRetries, int readTimeoutMillis) {
    return StripeClient.builder()
        .setApiKey(TEST_KEY)
        .setApiBase(standIn.baseUrl())
        .setMaxNetworkRetries(networkRetries)
        .setReadTimeout(readTimeoutMillis)
        .build();
  }

  /** An authorization as the payment-consumer makes it: confirmed at once, captured later. */
  static PaymentIntentCreateParams authorization(
      String reservationCode, long amount, String paymentMethod) {
    return PaymentIntentCreateParams.builder()
        .setAmount(amount)
        .setCurrency("eur")
        .setPaymentMethod(paymentMethod)
        .setConfirm(true)
        .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
        .addPaymentMethodType("card")
        .putMetadata("reservation_code", reservationCode)
        .build();
  }
}
