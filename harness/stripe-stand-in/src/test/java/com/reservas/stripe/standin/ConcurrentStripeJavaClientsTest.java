package com.reservas.stripe.standin;

import static com.reservas.stripe.standin.StripeClients.authorization;
import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many payment-consumer replicas hitting the stand-in at once, as in the integrity runs. */
class ConcurrentStripeJavaClientsTest {

  private final StripeStandIn standIn = new StripeStandIn();
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @BeforeEach
  void start() {
    standIn.start(0);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
    standIn.stop();
  }

  @Test
  void simultaneousRetriesWithOneKeyChargeOnce() throws Exception {
    StripeClient stripe = StripeClients.client(standIn, 3, 10_000);
    RequestOptions sameKey = RequestOptions.builder().setIdempotencyKey("RACE0001-auth").build();
    List<Callable<String>> attempts = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      attempts.add(
          () ->
              stripe
                  .v1()
                  .paymentIntents()
                  .create(authorization("RACE0001", 41_200, "pm_card_visa"), sameKey)
                  .getId());
    }

    Set<String> ids = new HashSet<>();
    for (Future<String> attempt : pool.invokeAll(attempts)) {
      ids.add(attempt.get());
    }

    assertThat(ids).hasSize(1);
    assertThat(standIn.paymentIntentsCreatedFor("RACE0001")).isEqualTo(1);
    assertThat(standIn.authorizationsFor("RACE0001")).isEqualTo(1);
  }

  @Test
  void manyReservationsAreEachAuthorizedAndCapturedOnce() throws Exception {
    StripeClient stripe = StripeClients.client(standIn);
    List<Callable<PaymentIntent>> payments = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String code = String.format("BULK%04d", i);
      RequestOptions authorizeKey =
          RequestOptions.builder().setIdempotencyKey(code + "-authorize").build();
      RequestOptions captureKey =
          RequestOptions.builder().setIdempotencyKey(code + "-capture").build();
      payments.add(
          () -> {
            PaymentIntent authorized =
                stripe
                    .v1()
                    .paymentIntents()
                    .create(authorization(code, 10_000, "pm_card_visa"), authorizeKey);
            return stripe.v1().paymentIntents().capture(authorized.getId(), captureKey);
          });
    }

    for (Future<PaymentIntent> payment : pool.invokeAll(payments)) {
      assertThat(payment.get().getStatus()).isEqualTo("succeeded");
    }

    StandInStats stats = standIn.stats();
    assertThat(stats.paymentIntentsCreated()).isEqualTo(200);
    assertThat(stats.captures()).isEqualTo(200);
    assertThat(stats.byReservation())
        .hasSize(200)
        .allSatisfy(
            (code, charges) -> {
              assertThat(charges.authorizations()).isEqualTo(1);
              assertThat(charges.capturedAmount()).isEqualTo(10_000);
            });
  }
}
