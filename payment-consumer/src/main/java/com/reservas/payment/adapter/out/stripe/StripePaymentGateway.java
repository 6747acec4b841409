package com.reservas.payment.adapter.out.stripe;

import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.consumer.support.resilience.ResiliencePipeline;
import com.reservas.payment.application.port.out.AuthorizationLookup;
import com.reservas.payment.application.port.out.GatewayResponse;
import com.reservas.payment.application.port.out.PaymentGateway;
import com.reservas.payment.application.port.out.PaymentGatewayUnavailableException;
import com.reservas.payment.application.port.out.PaymentOperationRejectedException;
import com.reservas.payment.domain.Money;
import com.reservas.payment.domain.PaymentOutcome;
import com.reservas.privacy.PersonalDataMasker;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PaymentGateway} on stripe-java, every call through the {@link ResiliencePipeline}
 * (TimeLimiter → Retry → CircuitBreaker) with the operation's idempotency key, so a retry sends
 * identical parameters under the same key and Stripe moves money once.
 *
 * <p>Stripe's answers become outcomes inside the protected call, so only transient failures reach
 * the retry and the breaker: a {@link CardException} is {@code Declined} at once; other refusals of
 * an authorization are {@code Failed}; a void of a captured PaymentIntent is {@code
 * AlreadyCaptured}; a capture or void that already happened is reported as done; any other refusal
 * of a capture, void or refund is {@code Refused} (published for a person to act on, never
 * retried). An authorization asked for again is first searched by its {@code reservation_code}
 * metadata, since Stripe forgets idempotency keys after 24 hours. Transient failures that outlast
 * the retries, an open breaker, and a rejected API key are a {@link
 * PaymentGatewayUnavailableException}.
 */
public class StripePaymentGateway implements PaymentGateway {

  private static final Logger log = LoggerFactory.getLogger(StripePaymentGateway.class);
  private static final String UNEXPECTED_STATE = "payment_intent_unexpected_state";
  private static final String EXTERNAL_CALL = "reservas.external.call";

  private final StripeClient stripe;
  private final RecordingHttpClient http;
  private final ResiliencePipeline resilience;
  private final PersonalDataMasker masker;
  private final ObservationRegistry observations;

  StripePaymentGateway(
      StripeClient stripe,
      RecordingHttpClient http,
      ResiliencePipeline resilience,
      PersonalDataMasker masker,
      ObservationRegistry observations) {
    this.observations = Objects.requireNonNull(observations, "observations");
    this.stripe = Objects.requireNonNull(stripe, "stripe");
    this.http = Objects.requireNonNull(http, "http");
    this.resilience = Objects.requireNonNull(resilience, "resilience");
    this.masker = Objects.requireNonNull(masker, "masker");
  }

  @Override
  public GatewayResponse authorize(
      String idempotencyKey, String reservationCode, Money amount, String paymentMethodToken) {
    PaymentIntentCreateParams params =
        PaymentIntentCreateParams.builder()
            .setAmount(amount.minorUnits())
            .setCurrency(amount.stripeCurrency())
            .setPaymentMethod(paymentMethodToken)
            .addPaymentMethodType("card")
            .setConfirm(true)
            .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
            .putMetadata("reservation_code", reservationCode)
            .build();
    return execute(
        idempotencyKey,
        "authorize",
        () -> {
          try {
            PaymentIntent intent =
                stripe.v1().paymentIntents().create(params, options(idempotencyKey));
            if ("requires_capture".equals(intent.getStatus())) {
              return new PaymentOutcome.Authorized(intent.getId(), amount);
            }
            return new PaymentOutcome.Failed(
                "PaymentIntent "
                    + intent.getId()
                    + " is "
                    + intent.getStatus()
                    + ", not authorized");
          } catch (CardException declined) {
            return declinedBy(declined);
          } catch (StripeException e) {
            if (TransientStripeErrors.isTransient(e) || isConfigurationError(e)) {
              throw e;
            }
            return new PaymentOutcome.Failed(masker.maskText(describe(e)));
          }
        });
  }

  @Override
  public GatewayResponse capture(
      String idempotencyKey, String reservationCode, String paymentIntentId) {
    return execute(
        idempotencyKey,
        "capture",
        () -> {
          try {
            stripe
                .v1()
                .paymentIntents()
                .capture(
                    paymentIntentId,
                    PaymentIntentCaptureParams.builder().build(),
                    options(idempotencyKey));
            return new PaymentOutcome.Captured(paymentIntentId);
          } catch (StripeException e) {
            if ("succeeded".equals(stateOf(e))) {
              return new PaymentOutcome.Captured(paymentIntentId);
            }
            throw refusedOrTransient("capture", paymentIntentId, e);
          }
        });
  }

  @Override
  public GatewayResponse voidAuthorization(
      String idempotencyKey, String reservationCode, String paymentIntentId) {
    return execute(
        idempotencyKey,
        "void",
        () -> {
          try {
            stripe
                .v1()
                .paymentIntents()
                .cancel(
                    paymentIntentId,
                    PaymentIntentCancelParams.builder().build(),
                    options(idempotencyKey));
            return new PaymentOutcome.Voided(paymentIntentId);
          } catch (StripeException e) {
            String state = stateOf(e);
            if ("succeeded".equals(state)) {
              return new PaymentOutcome.AlreadyCaptured(paymentIntentId);
            }
            if ("canceled".equals(state)) {
              return new PaymentOutcome.Voided(paymentIntentId);
            }
            throw refusedOrTransient("void", paymentIntentId, e);
          }
        });
  }

  @Override
  public GatewayResponse refund(
      String idempotencyKey, String reservationCode, String paymentIntentId) {
    RefundCreateParams params =
        RefundCreateParams.builder()
            .setPaymentIntent(paymentIntentId)
            .putMetadata("reservation_code", reservationCode)
            .build();
    return execute(
        idempotencyKey,
        "refund",
        () -> {
          try {
            Refund refund = stripe.v1().refunds().create(params, options(idempotencyKey));
            return new PaymentOutcome.Refunded(paymentIntentId, refund.getId());
          } catch (StripeException e) {
            throw refusedOrTransient("refund", paymentIntentId, e);
          }
        });
  }

  @Override
  public AuthorizationLookup findAuthorization(String reservationCode, Money amount) {
    PaymentIntentSearchParams params =
        PaymentIntentSearchParams.builder()
            .setQuery("metadata['reservation_code']:'" + reservationCode + "'")
            .build();
    Answer<Optional<PaymentOutcome>> answer =
        protect(
            reservationCode + "-lookup",
            "lookup",
            () -> outcomeOf(stripe.v1().paymentIntents().search(params).getData(), amount));
    return new AuthorizationLookup(answer.value(), answer.calls());
  }

  /**
   * What the reservation's PaymentIntents (newest first) say of its authorization: one awaiting
   * capture (or captured) is the authorization; otherwise the newest tells how it ended.
   */
  private Optional<PaymentOutcome> outcomeOf(List<PaymentIntent> intents, Money amount) {
    for (PaymentIntent intent : intents) {
      if ("requires_capture".equals(intent.getStatus()) || "succeeded".equals(intent.getStatus())) {
        return Optional.of(new PaymentOutcome.Authorized(intent.getId(), amount));
      }
    }
    if (intents.isEmpty()) {
      return Optional.empty();
    }
    PaymentIntent newest = intents.get(0);
    StripeError error = newest.getLastPaymentError();
    if ("requires_payment_method".equals(newest.getStatus()) && error != null) {
      String code = error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode();
      return Optional.of(
          new PaymentOutcome.Declined(
              code == null ? "card_declined" : code, masker.maskText(error.getMessage())));
    }
    return Optional.of(
        new PaymentOutcome.Failed(
            "PaymentIntent " + newest.getId() + " is " + newest.getStatus() + ", not authorized"));
  }

  /** A Stripe call that answers a value, or throws a transient or rejecting exception. */
  @FunctionalInterface
  private interface StripeCall<T> {
    T call() throws StripeException;
  }

  /**
   * A call's value and the HTTP calls it took; {@code refused} instead of a value when Stripe
   * refused a capture, void or refund for good.
   */
  private record Answer<T>(
      T value, PaymentOperationRejectedException refused, List<HttpExchange> calls) {}

  private GatewayResponse execute(
      String idempotencyKey, String operation, StripeCall<PaymentOutcome> call) {
    Answer<PaymentOutcome> answer = protect(idempotencyKey, operation, call);
    if (answer.refused() != null) {
      PaymentOperationRejectedException rejected = answer.refused();
      log.warn("{} {} refused for good: {}", operation, idempotencyKey, rejected.getMessage());
      return new GatewayResponse(
          new PaymentOutcome.Refused(rejected.paymentIntentId(), rejected.getMessage()),
          answer.calls());
    }
    return new GatewayResponse(Objects.requireNonNull(answer.value(), "outcome"), answer.calls());
  }

  /**
   * Runs {@code call} through the resilience pipeline, recording its HTTP calls under a key, as an
   * observation {@code reservas.external.call} (a span in the reservation's trace, child of the
   * record's handling, and a timer by dependency, operation and outcome).
   */
  private <T> Answer<T> protect(String recordingKey, String operation, StripeCall<T> call) {
    Observation observation =
        Observation.createNotStarted(EXTERNAL_CALL, observations)
            .contextualName("stripe " + operation)
            .lowCardinalityKeyValue("dependency", "stripe")
            .lowCardinalityKeyValue("operation", operation);
    return observation.observe(
        () -> {
          try {
            Answer<T> answer = protectUnobserved(recordingKey, operation, call);
            observation.lowCardinalityKeyValue(
                "outcome", answer.refused() == null ? "answered" : "refused");
            return answer;
          } catch (RuntimeException e) {
            observation.lowCardinalityKeyValue("outcome", "unavailable");
            throw e;
          }
        });
  }

  private <T> Answer<T> protectUnobserved(
      String recordingKey, String operation, StripeCall<T> call) {
    http.open(recordingKey);
    T value;
    try {
      value = resilience.call(call::call);
    } catch (Exception cause) {
      List<HttpExchange> calls = http.close(recordingKey);
      if (cause instanceof PaymentOperationRejectedException rejected) {
        return new Answer<>(null, rejected, calls);
      }
      String reason =
          cause instanceof CallNotPermittedException
              ? "Stripe circuit breaker is open"
              : "Stripe unavailable after retries: " + masker.maskText(describe(cause));
      log.warn("{} {} failed after {} calls: {}", operation, recordingKey, calls.size(), reason);
      throw new PaymentGatewayUnavailableException(
          operation + " " + recordingKey + ": " + reason, cause);
    }
    return new Answer<>(value, null, http.close(recordingKey));
  }

  private StripeException refusedOrTransient(
      String operation, String paymentIntentId, StripeException e) {
    if (TransientStripeErrors.isTransient(e) || isConfigurationError(e)) {
      return e;
    }
    throw new PaymentOperationRejectedException(
        paymentIntentId,
        "Stripe refused to "
            + operation
            + " "
            + paymentIntentId
            + ": "
            + masker.maskText(describe(e)),
        e);
  }

  /**
   * A wrong or insufficient API key is our problem, not the reservation's: such an event waits in
   * the retry topics (and the dead-letter topic) until the key is fixed, instead of failing.
   */
  private static boolean isConfigurationError(StripeException e) {
    return e instanceof AuthenticationException || e instanceof PermissionException;
  }

  private static PaymentOutcome declinedBy(CardException declined) {
    String code =
        declined.getDeclineCode() != null ? declined.getDeclineCode() : declined.getCode();
    StripeError error = declined.getStripeError();
    String message =
        error != null && error.getMessage() != null ? error.getMessage() : declined.getMessage();
    return new PaymentOutcome.Declined(code == null ? "card_declined" : code, message);
  }

  /** The PaymentIntent's status carried by a {@code payment_intent_unexpected_state} error. */
  private static String stateOf(StripeException e) {
    StripeError error = e.getStripeError();
    if (error == null || !UNEXPECTED_STATE.equals(error.getCode())) {
      return null;
    }
    PaymentIntent intent = error.getPaymentIntent();
    return intent == null ? null : intent.getStatus();
  }

  private static String describe(Throwable e) {
    if (e instanceof StripeException stripe) {
      StripeError error = stripe.getStripeError();
      String message =
          error != null && error.getMessage() != null ? error.getMessage() : stripe.getMessage();
      return "HTTP "
          + stripe.getStatusCode()
          + (stripe.getCode() != null ? " " + stripe.getCode() : "")
          + ": "
          + message;
    }
    return e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
  }

  private static RequestOptions options(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }
}
