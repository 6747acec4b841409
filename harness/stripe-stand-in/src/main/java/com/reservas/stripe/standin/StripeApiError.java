package com.reservas.stripe.standin;

/**
 * A Stripe API error as Stripe reports it (HTTP status plus the {@code error} object), thrown where
 * the problem is found and written out by the HTTP layer, so that stripe-java maps it to the same
 * exception class it would get from Stripe.
 */
final class StripeApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static final String INVALID_REQUEST = "invalid_request_error";
  static final String CARD_ERROR = "card_error";
  static final String API_ERROR = "api_error";
  static final String IDEMPOTENCY_ERROR = "idempotency_error";

  private final int httpStatus;
  private final String type;
  private final String code;
  private final String declineCode;
  private final String param;
  private final String chargeId;
  private final PaymentIntentRecord paymentIntent;
  private final TestPaymentMethod paymentMethod;

  private StripeApiError(
      int httpStatus,
      String type,
      String message,
      String code,
      String declineCode,
      String param,
      String chargeId,
      PaymentIntentRecord paymentIntent,
      TestPaymentMethod paymentMethod) {
    super(message, null, false, false);
    this.httpStatus = httpStatus;
    this.type = type;
    this.code = code;
    this.declineCode = declineCode;
    this.param = param;
    this.chargeId = chargeId;
    this.paymentIntent = paymentIntent;
    this.paymentMethod = paymentMethod;
  }

  static StripeApiError invalidRequest(String message, String param, String code) {
    return new StripeApiError(400, INVALID_REQUEST, message, code, null, param, null, null, null);
  }

  static StripeApiError missingParam(String param) {
    return invalidRequest("Missing required param: " + param + ".", param, "parameter_missing");
  }

  /** An object named in the URL path does not exist: Stripe answers 404. */
  static StripeApiError noSuchInPath(String objectName, String id, String param) {
    return noSuch(404, objectName, id, param);
  }

  /** An object named by a request parameter does not exist: Stripe answers 400. */
  static StripeApiError noSuchParameter(String objectName, String id, String param) {
    return noSuch(400, objectName, id, param);
  }

  private static StripeApiError noSuch(int status, String objectName, String id, String param) {
    return new StripeApiError(
        status,
        INVALID_REQUEST,
        "No such " + objectName + ": '" + id + "'",
        "resource_missing",
        null,
        param,
        null,
        null,
        null);
  }

  static StripeApiError unexpectedState(String message, PaymentIntentRecord paymentIntent) {
    return new StripeApiError(
        400,
        INVALID_REQUEST,
        message,
        "payment_intent_unexpected_state",
        null,
        null,
        null,
        paymentIntent,
        null);
  }

  static StripeApiError cardDeclined(
      TestPaymentMethod.CardDecline decline,
      String chargeId,
      PaymentIntentRecord paymentIntent,
      TestPaymentMethod paymentMethod) {
    return new StripeApiError(
        402,
        CARD_ERROR,
        decline.message(),
        decline.code(),
        decline.declineCode(),
        null,
        chargeId,
        paymentIntent,
        paymentMethod);
  }

  static StripeApiError unauthenticated(String message) {
    return new StripeApiError(401, INVALID_REQUEST, message, null, null, null, null, null, null);
  }

  static StripeApiError idempotencyMismatch(String message) {
    return new StripeApiError(400, IDEMPOTENCY_ERROR, message, null, null, null, null, null, null);
  }

  static StripeApiError idempotencyKeyInUse() {
    return new StripeApiError(
        409,
        INVALID_REQUEST,
        "There is currently another in-progress request using this Idempotency Key (that probably"
            + " means you submitted twice, and the other request is still going through): please"
            + " try again later.",
        "idempotency_key_in_use",
        null,
        null,
        null,
        null,
        null);
  }

  static StripeApiError rateLimited() {
    return new StripeApiError(
        429,
        INVALID_REQUEST,
        "Request rate limit exceeded. Learn more about rate limits here"
            + " https://stripe.com/docs/rate-limits.",
        "rate_limit",
        null,
        null,
        null,
        null,
        null);
  }

  static StripeApiError internal() {
    return new StripeApiError(
        500,
        API_ERROR,
        "An unknown error occurred. Please try again later.",
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static StripeApiError unrecognizedUrl(String method, String path) {
    return new StripeApiError(
        404,
        INVALID_REQUEST,
        "Unrecognized request URL ("
            + method
            + ": "
            + path
            + "). Please see https://stripe.com/docs or we can help at"
            + " https://support.stripe.com/.",
        null,
        null,
        null,
        null,
        null,
        null);
  }

  int httpStatus() {
    return httpStatus;
  }

  String type() {
    return type;
  }

  String code() {
    return code;
  }

  String declineCode() {
    return declineCode;
  }

  String param() {
    return param;
  }

  String chargeId() {
    return chargeId;
  }

  PaymentIntentRecord paymentIntent() {
    return paymentIntent;
  }

  TestPaymentMethod paymentMethod() {
    return paymentMethod;
  }

  /** Stripe's documentation page for the error code, as Stripe links it. */
  String docUrl() {
    return code == null ? null : "https://stripe.com/docs/error-codes/" + code.replace('_', '-');
  }
}
