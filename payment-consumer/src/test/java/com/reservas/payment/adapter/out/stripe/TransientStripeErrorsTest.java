package com.reservas.payment.adapter.out.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class TransientStripeErrorsTest {

  private final TransientStripeErrors transientErrors = new TransientStripeErrors();

  @Test
  void timeoutsConnectionErrorsRateLimitsAnd5xxAreTransient() {
    assertThat(transientErrors.test(new TimeoutException())).isTrue();
    assertThat(transientErrors.test(new ApiConnectionException("read timed out"))).isTrue();
    assertThat(
            transientErrors.test(
                new RateLimitException("slow down", null, "req", "rate_limit", 429, null)))
        .isTrue();
    assertThat(transientErrors.test(new ApiException("boom", "req", "api_error", 500, null)))
        .isTrue();
    assertThat(
            transientErrors.test(
                new ApiException("in use", "req", "idempotency_key_in_use", 409, null)))
        .isTrue();
  }

  @Test
  void declinesAndRefusalsAreNot() {
    assertThat(
            transientErrors.test(
                new CardException(
                    "declined", "req", "card_declined", null, "generic_decline", null, 402, null)))
        .isFalse();
    assertThat(
            transientErrors.test(
                new InvalidRequestException("bad", null, "req", "resource_missing", 400, null)))
        .isFalse();
    assertThat(transientErrors.test(new IdempotencyException("mismatch", "req", null, 400)))
        .isFalse();
    assertThat(transientErrors.test(new AuthenticationException("key", "req", null, 401)))
        .isFalse();
    assertThat(transientErrors.test(new IllegalStateException())).isFalse();
  }

  @Test
  void recordedCallsAreNamedAfterTheStripeOperation() {
    assertThat(RecordingHttpClient.operationOf("POST", "/v1/payment_intents"))
        .isEqualTo("stripe.paymentIntents.create");
    assertThat(RecordingHttpClient.operationOf("POST", "/v1/payment_intents/pi_1/capture"))
        .isEqualTo("stripe.paymentIntents.capture");
    assertThat(RecordingHttpClient.operationOf("POST", "/v1/payment_intents/pi_1/cancel"))
        .isEqualTo("stripe.paymentIntents.cancel");
    assertThat(RecordingHttpClient.operationOf("POST", "/v1/refunds"))
        .isEqualTo("stripe.refunds.create");
    assertThat(RecordingHttpClient.operationOf("GET", "/v1/payment_intents/pi_1"))
        .isEqualTo("stripe.paymentIntents.retrieve");
  }
}
