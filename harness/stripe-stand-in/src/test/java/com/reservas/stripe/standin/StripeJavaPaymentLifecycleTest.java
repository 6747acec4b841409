package com.reservas.stripe.standin;

import static com.reservas.stripe.standin.StripeClients.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The payment lifecycle the payment-consumer drives, with the real stripe-java client. */
class StripeJavaPaymentLifecycleTest {

  private final StripeStandIn standIn = new StripeStandIn();
  private StripeClient stripe;

  @BeforeEach
  void start() {
    standIn.start(0);
    stripe = StripeClients.client(standIn);
  }

  @AfterEach
  void stop() {
    standIn.stop();
  }

  @Test
  void authorizesVisaForManualCaptureThenCaptures() throws StripeException {
    PaymentIntent authorized =
        stripe.v1().paymentIntents().create(authorization("K7P2QX9A", 41_200, "pm_card_visa"));

    assertThat(authorized.getId()).startsWith("pi_");
    assertThat(authorized.getObject()).isEqualTo("payment_intent");
    assertThat(authorized.getStatus()).isEqualTo("requires_capture");
    assertThat(authorized.getAmount()).isEqualTo(41_200L);
    assertThat(authorized.getAmountCapturable()).isEqualTo(41_200L);
    assertThat(authorized.getAmountReceived()).isZero();
    assertThat(authorized.getCurrency()).isEqualTo("eur");
    assertThat(authorized.getCaptureMethod()).isEqualTo("manual");
    assertThat(authorized.getConfirmationMethod()).isEqualTo("automatic");
    assertThat(authorized.getPaymentMethod()).isEqualTo("pm_card_visa");
    assertThat(authorized.getLatestCharge()).startsWith("ch_");
    assertThat(authorized.getLivemode()).isFalse();
    assertThat(authorized.getMetadata()).containsEntry("reservation_code", "K7P2QX9A");
    assertThat(authorized.getPaymentMethodTypes()).containsExactly("card");

    PaymentIntent captured = stripe.v1().paymentIntents().capture(authorized.getId());

    assertThat(captured.getStatus()).isEqualTo("succeeded");
    assertThat(captured.getAmountReceived()).isEqualTo(41_200L);
    assertThat(captured.getAmountCapturable()).isZero();
    assertThat(stripe.v1().paymentIntents().retrieve(authorized.getId()).getStatus())
        .isEqualTo("succeeded");
    assertThat(standIn.capturedAmountFor("K7P2QX9A")).isEqualTo(41_200L);
    assertThat(standIn.authorizationsFor("K7P2QX9A")).isEqualTo(1);
  }

  @Test
  void mastercardAuthorizesToo() throws StripeException {
    PaymentIntent authorized =
        stripe.v1().paymentIntents().create(authorization("MC000001", 9_900, "pm_card_mastercard"));

    assertThat(authorized.getStatus()).isEqualTo("requires_capture");
  }

  @Test
  void capturesPartOfTheAuthorization() throws StripeException {
    PaymentIntent authorized =
        stripe.v1().paymentIntents().create(authorization("PARTIAL1", 10_000, "pm_card_visa"));

    PaymentIntent captured =
        stripe
            .v1()
            .paymentIntents()
            .capture(
                authorized.getId(),
                PaymentIntentCaptureParams.builder().setAmountToCapture(6_000L).build());

    assertThat(captured.getAmountReceived()).isEqualTo(6_000L);
    assertThat(standIn.capturedAmountFor("PARTIAL1")).isEqualTo(6_000L);
  }

  @Test
  void cancelVoidsTheAuthorization() throws StripeException {
    PaymentIntent authorized =
        stripe.v1().paymentIntents().create(authorization("VOID0001", 41_200, "pm_card_visa"));

    PaymentIntent canceled = stripe.v1().paymentIntents().cancel(authorized.getId());

    assertThat(canceled.getStatus()).isEqualTo("canceled");
    assertThat(canceled.getAmountCapturable()).isZero();
    assertThat(canceled.getCanceledAt()).isNotNull();
    assertThat(standIn.voidsFor("VOID0001")).isEqualTo(1);
    assertThat(standIn.capturedAmountFor("VOID0001")).isZero();
  }

  @Test
  void refundsACapturedPayment() throws StripeException {
    PaymentIntent authorized =
        stripe.v1().paymentIntents().create(authorization("REFUND01", 41_200, "pm_card_visa"));
    stripe.v1().paymentIntents().capture(authorized.getId());

    Refund refund =
        stripe
            .v1()
            .refunds()
            .create(
                RefundCreateParams.builder()
                    .setPaymentIntent(authorized.getId())
                    .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                    .build());

    assertThat(refund.getId()).startsWith("re_");
    assertThat(refund.getObject()).isEqualTo("refund");
    assertThat(refund.getStatus()).isEqualTo("succeeded");
    assertThat(refund.getAmount()).isEqualTo(41_200L);
    assertThat(refund.getPaymentIntent()).isEqualTo(authorized.getId());
    assertThat(refund.getCharge()).isEqualTo(authorized.getLatestCharge());
    assertThat(stripe.v1().refunds().retrieve(refund.getId()).getAmount()).isEqualTo(41_200L);
    assertThat(standIn.refundedAmountFor("REFUND01")).isEqualTo(41_200L);
  }

  @Test
  void refundingTwiceIsRefusedLikeStripe() throws StripeException {
    PaymentIntent authorized =
        stripe.v1().paymentIntents().create(authorization("REFUND02", 5_000, "pm_card_visa"));
    stripe.v1().paymentIntents().capture(authorized.getId());
    RefundCreateParams refund =
        RefundCreateParams.builder().setPaymentIntent(authorized.getId()).build();
    stripe.v1().refunds().create(refund);

    assertThatThrownBy(() -> stripe.v1().refunds().create(refund))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((StripeException) e).getCode())
        .isEqualTo("charge_already_refunded");
  }

  @ParameterizedTest
  @CsvSource({
    "pm_card_chargeDeclined, card_declined, generic_decline, Your card was declined.",
    "pm_card_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds, Your card has"
        + " insufficient funds.",
    "pm_card_chargeDeclinedExpiredCard, expired_card, expired_card, Your card has expired."
  })
  void declinesTestCardsWithStripesCodes(
      String paymentMethod, String code, String declineCode, String message) {
    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .paymentIntents()
                    .create(authorization("DECLINE1", 41_200, paymentMethod)))
        .asInstanceOf(type(CardException.class))
        .satisfies(
            declined -> {
              assertThat(declined.getStatusCode()).isEqualTo(402);
              assertThat(declined.getCode()).isEqualTo(code);
              assertThat(declined.getDeclineCode()).isEqualTo(declineCode);
              assertThat(declined.getStripeError().getMessage()).isEqualTo(message);
              assertThat(declined.getStripeError().getType()).isEqualTo("card_error");
              assertThat(declined.getCharge()).startsWith("ch_");
              assertThat(declined.getStripeError().getDocUrl()).startsWith("https://stripe.com/");
              PaymentIntent failed = declined.getStripeError().getPaymentIntent();
              assertThat(failed.getStatus()).isEqualTo("requires_payment_method");
              assertThat(failed.getLastPaymentError().getDeclineCode()).isEqualTo(declineCode);
            });
    assertThat(standIn.chargesFor("DECLINE1").declines()).isEqualTo(1);
    assertThat(standIn.authorizationsFor("DECLINE1")).isZero();
  }

  @Test
  void unknownPaymentMethodIsMissingResource() {
    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .paymentIntents()
                    .create(authorization("UNKNOWN1", 41_200, "pm_card_unknown")))
        .asInstanceOf(type(InvalidRequestException.class))
        .satisfies(
            missing -> {
              assertThat(missing.getStatusCode()).isEqualTo(400);
              assertThat(missing.getCode()).isEqualTo("resource_missing");
              assertThat(missing.getParam()).isEqualTo("payment_method");
              assertThat(missing.getStripeError().getMessage())
                  .isEqualTo("No such PaymentMethod: 'pm_card_unknown'");
            });
    assertThat(standIn.paymentIntentsCreatedFor("UNKNOWN1")).isZero();
  }

  @Test
  void invalidTransitionsAnswerUnexpectedState() throws StripeException {
    PaymentIntent authorized =
        stripe.v1().paymentIntents().create(authorization("STATE001", 41_200, "pm_card_visa"));
    stripe.v1().paymentIntents().capture(authorized.getId());

    assertThatThrownBy(() -> stripe.v1().paymentIntents().capture(authorized.getId()))
        .asInstanceOf(type(InvalidRequestException.class))
        .satisfies(
            e -> {
              assertThat(e.getCode()).isEqualTo("payment_intent_unexpected_state");
              assertThat(e.getStripeError().getPaymentIntent().getStatus()).isEqualTo("succeeded");
            });
    assertThatThrownBy(() -> stripe.v1().paymentIntents().cancel(authorized.getId()))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((StripeException) e).getCode())
        .isEqualTo("payment_intent_unexpected_state");
  }

  @Test
  void refundOfAnUncapturedPaymentIsUnexpectedState() throws StripeException {
    PaymentIntent authorized =
        stripe.v1().paymentIntents().create(authorization("STATE002", 41_200, "pm_card_visa"));

    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .refunds()
                    .create(
                        RefundCreateParams.builder().setPaymentIntent(authorized.getId()).build()))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((StripeException) e).getCode())
        .isEqualTo("payment_intent_unexpected_state");
  }

  @Test
  void unknownPaymentIntentIsNotFound() {
    assertThatThrownBy(() -> stripe.v1().paymentIntents().retrieve("pi_doesnotexist"))
        .asInstanceOf(type(InvalidRequestException.class))
        .satisfies(
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(404);
              assertThat(e.getCode()).isEqualTo("resource_missing");
            });
  }

  @Test
  void missingAmountIsAParameterError() {
    PaymentIntentCreateParams noAmount =
        PaymentIntentCreateParams.builder().setCurrency("eur").build();

    assertThatThrownBy(() -> stripe.v1().paymentIntents().create(noAmount))
        .asInstanceOf(type(InvalidRequestException.class))
        .satisfies(
            e -> {
              assertThat(e.getCode()).isEqualTo("parameter_missing");
              assertThat(e.getParam()).isEqualTo("amount");
            });
  }

  @Test
  void createWithoutConfirmWaitsForConfirmation() throws StripeException {
    PaymentIntent created =
        stripe
            .v1()
            .paymentIntents()
            .create(
                PaymentIntentCreateParams.builder()
                    .setAmount(2_000L)
                    .setCurrency("EUR")
                    .setPaymentMethod("pm_card_visa")
                    .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                    .build());

    assertThat(created.getStatus()).isEqualTo("requires_confirmation");
    assertThat(created.getCurrency()).isEqualTo("eur");
    assertThat(stripe.v1().paymentIntents().confirm(created.getId()).getStatus())
        .isEqualTo("requires_capture");
  }

  @Test
  void idempotentReplayReturnsTheSamePaymentIntentAndCreatesOnlyOne() throws StripeException {
    RequestOptions sameKey =
        RequestOptions.builder().setIdempotencyKey("K7P2QX9A-authorize").build();
    PaymentIntentCreateParams params = authorization("K7P2QX9A", 41_200, "pm_card_visa");

    PaymentIntent first = stripe.v1().paymentIntents().create(params, sameKey);
    PaymentIntent replayed = stripe.v1().paymentIntents().create(params, sameKey);

    assertThat(replayed.getId()).isEqualTo(first.getId());
    assertThat(replayed.getLastResponse().headers().firstValue("Idempotent-Replayed"))
        .contains("true");
    assertThat(first.getLastResponse().headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(standIn.paymentIntentsCreatedFor("K7P2QX9A")).isEqualTo(1);
    assertThat(standIn.stats().paymentIntentsCreated()).isEqualTo(1);
    assertThat(standIn.stats().idempotentReplays()).isEqualTo(1);
  }

  @Test
  void idempotentReplayOfADeclineDeclinesAgainWithoutANewPaymentIntent() {
    RequestOptions sameKey = RequestOptions.builder().setIdempotencyKey("DECLINE2-auth").build();
    PaymentIntentCreateParams params = authorization("DECLINE2", 41_200, "pm_card_chargeDeclined");

    assertThatThrownBy(() -> stripe.v1().paymentIntents().create(params, sameKey))
        .isInstanceOf(CardException.class);
    assertThatThrownBy(() -> stripe.v1().paymentIntents().create(params, sameKey))
        .isInstanceOf(CardException.class);
    assertThat(standIn.paymentIntentsCreatedFor("DECLINE2")).isEqualTo(1);
  }

  @Test
  void idempotencyKeyReusedWithOtherParametersIsRefused() throws StripeException {
    RequestOptions sameKey = RequestOptions.builder().setIdempotencyKey("REUSED01-auth").build();
    stripe.v1().paymentIntents().create(authorization("REUSED01", 41_200, "pm_card_visa"), sameKey);

    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .paymentIntents()
                    .create(authorization("REUSED01", 50_000, "pm_card_visa"), sameKey))
        .asInstanceOf(type(IdempotencyException.class))
        .satisfies(
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getStripeError().getType()).isEqualTo("idempotency_error");
              assertThat(e.getStripeError().getMessage())
                  .startsWith(
                      "Keys for idempotent requests can only be used with the same parameters");
            });
    assertThat(standIn.paymentIntentsCreatedFor("REUSED01")).isEqualTo(1);
  }

  @Test
  void nonTestKeyIsRefusedWithAuthenticationError() {
    StripeClient liveKey =
        StripeClient.builder()
            .setApiKey("sk_live_0123456789")
            .setApiBase(standIn.baseUrl())
            .build();

    assertThatThrownBy(
            () ->
                liveKey
                    .v1()
                    .paymentIntents()
                    .create(authorization("AUTH0001", 41_200, "pm_card_visa")))
        .asInstanceOf(type(AuthenticationException.class))
        .satisfies(
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(401);
              assertThat(e.getStripeError().getMessage())
                  .startsWith("Invalid API Key provided: sk_live_****")
                  .doesNotContain("0123456789");
            });
    assertThat(standIn.stats().paymentIntentsCreated()).isZero();
  }

  @Test
  void refundOfAnUnknownPaymentIntentIsMissingResource() {
    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .refunds()
                    .create(RefundCreateParams.builder().setPaymentIntent("pi_unknown").build()))
        .asInstanceOf(type(InvalidRequestException.class))
        .satisfies(
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getCode()).isEqualTo("resource_missing");
              assertThat(e.getParam()).isEqualTo("payment_intent");
            });
  }
}
