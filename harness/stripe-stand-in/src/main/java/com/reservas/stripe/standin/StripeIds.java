package com.reservas.stripe.standin;

import java.security.SecureRandom;

/** Makes object ids in Stripe's form: a type prefix and a random alphanumeric tail. */
final class StripeIds {

  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private StripeIds() {}

  static String paymentIntent() {
    return "pi_" + random(24);
  }

  static String charge() {
    return "ch_" + random(24);
  }

  static String refund() {
    return "re_" + random(24);
  }

  static String request() {
    return "req_" + random(14);
  }

  static String clientSecret(String paymentIntentId) {
    return paymentIntentId + "_secret_" + random(25);
  }

  private static String random(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }
}
