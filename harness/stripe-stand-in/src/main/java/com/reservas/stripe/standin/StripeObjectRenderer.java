package com.reservas.stripe.standin;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the stand-in's records in Stripe's JSON object shapes, with the fields stripe-java reads
 * (and the usual nulls), so that responses deserialize exactly like Stripe's.
 */
final class StripeObjectRenderer {

  private final JsonMapper json;

  StripeObjectRenderer(JsonMapper json) {
    this.json = json;
  }

  /** A search answer: every match on one page. */
  ObjectNode searchResult(String url, List<? extends JsonNode> data) {
    ObjectNode node = json.createObjectNode();
    node.put("object", "search_result");
    node.put("url", url);
    node.put("has_more", false);
    node.putNull("next_page");
    node.put("total_count", data.size());
    node.putArray("data").addAll(data);
    return node;
  }

  ObjectNode paymentIntent(PaymentIntentRecord pi) {
    ObjectNode node = json.createObjectNode();
    node.put("id", pi.id());
    node.put("object", "payment_intent");
    node.put("amount", pi.amount());
    node.put("amount_capturable", pi.amountCapturable());
    node.put("amount_received", pi.amountReceived());
    node.putNull("application");
    node.putNull("application_fee_amount");
    node.putNull("automatic_payment_methods");
    putNullable(node, "canceled_at", pi.canceledAt());
    node.put("cancellation_reason", pi.cancellationReason());
    node.put("capture_method", pi.captureMethod());
    node.put("client_secret", pi.clientSecret());
    node.put("confirmation_method", "automatic");
    node.put("created", pi.created());
    node.put("currency", pi.currency());
    node.putNull("customer");
    node.put("description", pi.description());
    if (pi.lastPaymentError() == null) {
      node.putNull("last_payment_error");
    } else {
      node.set("last_payment_error", lastPaymentError(pi));
    }
    node.put("latest_charge", pi.latestCharge());
    node.put("livemode", false);
    node.set("metadata", metadata(pi.metadata()));
    node.putNull("next_action");
    node.putNull("on_behalf_of");
    node.put("payment_method", pi.paymentMethod());
    ObjectNode options = node.putObject("payment_method_options");
    ObjectNode card = options.putObject("card");
    card.putNull("installments");
    card.putNull("mandate_options");
    card.putNull("network");
    card.put("request_three_d_secure", "automatic");
    ArrayNode types = node.putArray("payment_method_types");
    pi.paymentMethodTypes().forEach(types::add);
    node.putNull("processing");
    node.putNull("receipt_email");
    node.putNull("review");
    node.putNull("setup_future_usage");
    node.putNull("shipping");
    node.putNull("source");
    node.putNull("statement_descriptor");
    node.putNull("statement_descriptor_suffix");
    node.put("status", pi.status().wireName());
    node.putNull("transfer_data");
    node.putNull("transfer_group");
    return node;
  }

  ObjectNode refund(RefundRecord refund) {
    ObjectNode node = json.createObjectNode();
    node.put("id", refund.id());
    node.put("object", "refund");
    node.put("amount", refund.amount());
    node.putNull("balance_transaction");
    node.put("charge", refund.charge());
    node.put("created", refund.created());
    node.put("currency", refund.currency());
    node.set("metadata", metadata(refund.metadata()));
    node.put("payment_intent", refund.paymentIntent());
    node.put("reason", refund.reason());
    node.putNull("receipt_number");
    node.putNull("source_transfer_reversal");
    node.put("status", refund.status());
    node.putNull("transfer_reversal");
    return node;
  }

  ObjectNode paymentMethod(TestPaymentMethod method) {
    ObjectNode node = json.createObjectNode();
    node.put("id", method.id());
    node.put("object", "payment_method");
    ObjectNode billing = node.putObject("billing_details");
    billing.putNull("address");
    billing.putNull("email");
    billing.putNull("name");
    billing.putNull("phone");
    ObjectNode card = node.putObject("card");
    card.put("brand", method.brand());
    card.put("country", "US");
    card.put("exp_month", 12);
    card.put("exp_year", 2034);
    card.put("funding", "credit");
    card.put("last4", method.last4());
    node.putNull("customer");
    node.put("livemode", false);
    node.set("metadata", json.createObjectNode());
    node.put("type", "card");
    return node;
  }

  /** Stripe's error envelope: {@code {"error": {...}}}. */
  ObjectNode error(StripeApiError error) {
    ObjectNode body = json.createObjectNode();
    ObjectNode node = body.putObject("error");
    putIfPresent(node, "charge", error.chargeId());
    putIfPresent(node, "code", error.code());
    putIfPresent(node, "decline_code", error.declineCode());
    putIfPresent(node, "doc_url", error.docUrl());
    node.put("message", error.getMessage());
    putIfPresent(node, "param", error.param());
    if (error.paymentIntent() != null) {
      node.set("payment_intent", paymentIntent(error.paymentIntent()));
    }
    if (error.paymentMethod() != null) {
      node.set("payment_method", paymentMethod(error.paymentMethod()));
    }
    node.put("type", error.type());
    return body;
  }

  String write(JsonNode node) {
    return json.writeValueAsString(node);
  }

  private ObjectNode lastPaymentError(PaymentIntentRecord pi) {
    TestPaymentMethod.CardDecline decline = pi.lastPaymentError();
    ObjectNode node = json.createObjectNode();
    node.put("charge", pi.latestCharge());
    node.put("code", decline.code());
    node.put("decline_code", decline.declineCode());
    node.put("doc_url", "https://stripe.com/docs/error-codes/" + decline.code().replace('_', '-'));
    node.put("message", decline.message());
    node.put("type", StripeApiError.CARD_ERROR);
    return node;
  }

  private ObjectNode metadata(Map<String, String> metadata) {
    ObjectNode node = json.createObjectNode();
    new TreeMap<>(metadata).forEach(node::put);
    return node;
  }

  private static void putNullable(ObjectNode node, String name, Long value) {
    if (value == null) {
      node.putNull(name);
    } else {
      node.put(name, value.longValue());
    }
  }

  private static void putIfPresent(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }
}
