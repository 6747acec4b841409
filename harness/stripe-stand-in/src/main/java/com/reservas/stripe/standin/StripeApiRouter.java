package com.reservas.stripe.standin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Maps each emulated Stripe endpoint (method and path) to its ledger operation, reading that
 * endpoint's parameters and rendering the resulting Stripe object. Knows nothing of HTTP transport,
 * authentication, idempotency or faults.
 */
final class StripeApiRouter {

  private static final Pattern PAYMENT_INTENTS = Pattern.compile("/v1/payment_intents");
  private static final Pattern PAYMENT_INTENT_SEARCH =
      Pattern.compile("/v1/payment_intents/search");
  private static final Pattern PAYMENT_INTENT = Pattern.compile("/v1/payment_intents/([^/]+)");
  private static final Pattern PAYMENT_INTENT_ACTION =
      Pattern.compile("/v1/payment_intents/([^/]+)/(confirm|capture|cancel)");
  private static final Pattern REFUNDS = Pattern.compile("/v1/refunds");
  private static final Pattern REFUND = Pattern.compile("/v1/refunds/([^/]+)");

  private final PaymentLedger ledger;
  private final StripeObjectRenderer renderer;

  StripeApiRouter(PaymentLedger ledger, StripeObjectRenderer renderer) {
    this.ledger = ledger;
    this.renderer = renderer;
  }

  /**
   * Executes one request and returns the Stripe object to answer with {@code 200}.
   *
   * @throws StripeApiError for every answer that Stripe gives as an error
   */
  JsonNode route(String method, String path, FormParameters params) {
    boolean post = "POST".equals(method);
    boolean get = "GET".equals(method);
    Matcher matcher;
    if (post && PAYMENT_INTENTS.matcher(path).matches()) {
      return renderer.paymentIntent(ledger.create(newPaymentIntent(params)));
    }
    if (get && PAYMENT_INTENT_SEARCH.matcher(path).matches()) {
      return renderer.searchResult(
          path,
          ledger.search(SearchQuery.parse(params.get("query").orElse(null))).stream()
              .map(renderer::paymentIntent)
              .toList());
    }
    if (get && (matcher = PAYMENT_INTENT.matcher(path)).matches()) {
      return renderer.paymentIntent(ledger.paymentIntent(pathId(matcher)));
    }
    if (post && (matcher = PAYMENT_INTENT_ACTION.matcher(path)).matches()) {
      String id = pathId(matcher);
      return renderer.paymentIntent(
          switch (matcher.group(2)) {
            case "confirm" -> ledger.confirm(id, params.get("payment_method").orElse(null));
            case "capture" -> ledger.capture(id, params.getLong("amount_to_capture"));
            default -> ledger.cancel(id, params.get("cancellation_reason").orElse(null));
          });
    }
    if (post && REFUNDS.matcher(path).matches()) {
      return renderer.refund(
          ledger.refund(
              params.get("payment_intent").orElse(null),
              params.get("charge").orElse(null),
              params.getLong("amount"),
              params.get("reason").orElse(null),
              params.nested("metadata")));
    }
    if (get && (matcher = REFUND.matcher(path)).matches()) {
      return renderer.refund(ledger.refundById(pathId(matcher)));
    }
    throw StripeApiError.unrecognizedUrl(method, path);
  }

  private static PaymentLedger.NewPaymentIntent newPaymentIntent(FormParameters params) {
    long amount = params.getLong("amount").orElseThrow(() -> StripeApiError.missingParam("amount"));
    String currency =
        params
            .get("currency")
            .map(value -> value.toLowerCase(Locale.ROOT))
            .orElseThrow(() -> StripeApiError.missingParam("currency"));
    return new PaymentLedger.NewPaymentIntent(
        amount,
        currency,
        params.get("capture_method").orElse("automatic_async"),
        params.get("payment_method").orElse(null),
        params.list("payment_method_types"),
        params.nested("metadata"),
        params.get("description").orElse(null),
        params.getBoolean("confirm"));
  }

  private static String pathId(Matcher matcher) {
    return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
  }
}
