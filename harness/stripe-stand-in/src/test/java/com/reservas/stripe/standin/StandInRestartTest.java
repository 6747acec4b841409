package com.reservas.stripe.standin;

import static com.reservas.stripe.standin.StripeClients.authorization;
import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stand-in started again on the same books directory answers as Stripe does after our restart:
 * the PaymentIntents, refunds, idempotent answers and per-reservation tallies are still there.
 */
class StandInRestartTest {

  @TempDir Path books;

  @Test
  void aRestartedStandInRemembersPaymentIntentsIdempotencyKeysAndTallies() throws StripeException {
    String authorizedId;
    String capturedId;
    StripeStandIn first = new StripeStandIn(books);
    first.start(0);
    try {
      StripeClient stripe = StripeClients.client(first);
      authorizedId =
          stripe
              .v1()
              .paymentIntents()
              .create(
                  authorization("RESTART1", 41_200, "pm_card_visa"),
                  RequestOptions.builder().setIdempotencyKey("RESTART1-authorize").build())
              .getId();
      PaymentIntent captured =
          stripe.v1().paymentIntents().create(authorization("RESTART2", 10_000, "pm_card_visa"));
      capturedId = captured.getId();
      stripe.v1().paymentIntents().capture(capturedId);
      stripe
          .v1()
          .refunds()
          .create(RefundCreateParams.builder().setPaymentIntent(capturedId).build());
    } finally {
      first.stop();
    }

    StripeStandIn second = new StripeStandIn(books);
    second.start(0);
    try {
      StripeClient stripe = StripeClients.client(second);
      PaymentIntent replayed =
          stripe
              .v1()
              .paymentIntents()
              .create(
                  authorization("RESTART1", 41_200, "pm_card_visa"),
                  RequestOptions.builder().setIdempotencyKey("RESTART1-authorize").build());
      assertThat(replayed.getId()).as("the idempotent answer").isEqualTo(authorizedId);
      assertThat(stripe.v1().paymentIntents().retrieve(authorizedId).getStatus())
          .isEqualTo("requires_capture");
      assertThat(
              stripe
                  .v1()
                  .paymentIntents()
                  .search(
                      PaymentIntentSearchParams.builder()
                          .setQuery("metadata['reservation_code']:'RESTART1'")
                          .build())
                  .getData())
          .extracting(PaymentIntent::getId)
          .containsExactly(authorizedId);
      PaymentIntent refunded = stripe.v1().paymentIntents().retrieve(capturedId);
      assertThat(refunded.getStatus()).isEqualTo("succeeded");
      assertThat(refunded.getAmountReceived()).isEqualTo(10_000L);

      assertThat(second.chargesFor("RESTART1").authorizations()).isEqualTo(1);
      assertThat(second.chargesFor("RESTART2"))
          .extracting(ReservationCharges::captures, ReservationCharges::refunds)
          .containsExactly(1L, 1L);
      assertThat(second.paymentIntentsFor("RESTART2")).hasSize(1);
    } finally {
      second.stop();
    }
  }

  @Test
  void aResetIsRememberedToo() throws StripeException {
    StripeStandIn first = new StripeStandIn(books);
    first.start(0);
    try {
      StripeClient stripe = StripeClients.client(first);
      stripe.v1().paymentIntents().create(authorization("RESETME1", 5_000, "pm_card_visa"));
      first.reset();
      stripe.v1().paymentIntents().create(authorization("AFTERIT1", 5_000, "pm_card_visa"));
    } finally {
      first.stop();
    }

    StripeStandIn second = new StripeStandIn(books);
    assertThat(second.paymentIntentsFor("RESETME1")).isEmpty();
    assertThat(second.chargesFor("RESETME1")).isEqualTo(ReservationCharges.NONE);
    assertThat(second.paymentIntentsFor("AFTERIT1")).hasSize(1);
    assertThat(second.stats().totals().authorizations()).isEqualTo(1);
  }
}
