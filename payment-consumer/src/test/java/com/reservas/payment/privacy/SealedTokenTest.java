package com.reservas.payment.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.payment.support.PaymentConsumerIntegrationTest;
import com.reservas.payment.support.ReservationEvents;
import com.reservas.schemas.avro.PaymentAuthorized;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.seal.TokenSeal;
import com.reservas.testsupport.seal.TestTokenSeal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The payment-method token reaches the payment consumer sealed (docs/SECURITY.md, "Personal data in
 * events"): it opens what is sealed for it, still reads events written before the seal, and
 * dead-letters a seal it cannot open without calling Stripe.
 */
class SealedTokenTest extends PaymentConsumerIntegrationTest {

  @Test
  void theSealedTokenIsOpenedAndTheCardAuthorizedWithIt() {
    ReservationCreated created = ReservationEvents.created("SEAL0001", "pm_card_visa");
    assertThat(created.getReservation().getPaymentMethodToken()).isNull();

    send(created);

    PaymentAuthorized authorized = awaitOutcome("SEAL0001", PaymentAuthorized.class);
    assertThat(STRIPE.paymentIntent(authorized.getPaymentIntentId()).orElseThrow().paymentMethod())
        .isEqualTo("pm_card_visa");
  }

  @Test
  void anEventWrittenBeforeTheSealWithTheTokenInTheClearIsStillAuthorized() {
    ReservationCreated created = ReservationEvents.created("SEAL0002", "pm_card_visa");
    created.getReservation().setSealedPaymentMethodToken(null);
    created.getReservation().setPaymentMethodToken("pm_card_visa");

    send(created);

    PaymentAuthorized authorized = awaitOutcome("SEAL0002", PaymentAuthorized.class);
    assertThat(STRIPE.paymentIntent(authorized.getPaymentIntentId()).orElseThrow().paymentMethod())
        .isEqualTo("pm_card_visa");
  }

  @Test
  void aTokenSealedForAnotherReservationIsDeadLetteredWithoutCallingStripe() {
    ReservationCreated created = ReservationEvents.created("SEAL0003", "pm_card_visa");
    created
        .getReservation()
        .setSealedPaymentMethodToken(TestTokenSeal.SEAL.seal("OTHER001", "pm_card_visa"));

    send(created);

    await().atMost(WAIT).until(() -> !topics.records(DLT, "SEAL0003").isEmpty());
    assertThat(STRIPE.paymentIntentsCreatedFor("SEAL0003")).isZero();
    assertThat(outcomes("SEAL0003")).isEmpty();
  }

  @Test
  void aTokenSealedUnderAKeyTheConsumerDoesNotHoldIsDeadLettered() {
    TokenSeal stranger = TokenSeal.of("k9", Map.of("k9", new byte[TokenSeal.KEY_BYTES]));
    ReservationCreated created = ReservationEvents.created("SEAL0004", "pm_card_visa");
    created.getReservation().setSealedPaymentMethodToken(stranger.seal("SEAL0004", "pm_card_visa"));

    send(created);

    await().atMost(WAIT).until(() -> !topics.records(DLT, "SEAL0004").isEmpty());
    assertThat(STRIPE.paymentIntentsCreatedFor("SEAL0004")).isZero();
  }
}
