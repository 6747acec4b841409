package com.reservas.stripe.standin;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Masks what must not reach a log in clear (PCI-DSS and personal data: payment tokens, API keys,
 * metadata, descriptions) while leaving enough to tell requests apart. Only parameters known to be
 * harmless are logged as they are.
 */
final class LogMasking {

  private static final Set<String> CLEAR_PARAMETERS =
      Set.of(
          "amount",
          "amount_to_capture",
          "currency",
          "capture_method",
          "confirm",
          "cancellation_reason",
          "reason",
          "payment_intent",
          "charge");

  private LogMasking() {}

  /** A token such as {@code pm_card_visa} as {@code pm_****visa}; short ones entirely masked. */
  static String token(String token) {
    if (token == null) {
      return null;
    }
    if (token.length() <= 8) {
      return "****";
    }
    return token.substring(0, 3) + "****" + token.substring(token.length() - 4);
  }

  /** An API key as Stripe shows it in errors: its mode prefix and last four characters. */
  static String apiKey(String key) {
    int modeEnd = key.indexOf('_', key.indexOf('_') + 1);
    String prefix = modeEnd > 0 && modeEnd < 9 ? key.substring(0, modeEnd + 1) : "";
    String tail = key.length() > 12 ? key.substring(key.length() - 4) : "";
    return prefix + "****" + tail;
  }

  /** A free value (metadata, description): its first two characters only. */
  static String value(String value) {
    if (value == null || value.length() <= 2) {
      return "****";
    }
    return value.substring(0, 2) + "****";
  }

  /** Request parameters for a log line, each masked according to what it is. */
  static String parameters(FormParameters parameters) {
    return parameters.pairs().stream()
        .map(pair -> pair.getKey() + "=" + maskParameter(pair))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String maskParameter(Map.Entry<String, String> pair) {
    String key = pair.getKey();
    if (CLEAR_PARAMETERS.contains(key)
        || key.startsWith("payment_method_types[")
        || key.startsWith("expand[")) {
      return pair.getValue();
    }
    if (key.equals("payment_method")) {
      return token(pair.getValue());
    }
    return value(pair.getValue());
  }
}
