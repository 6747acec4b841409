package com.reservas.stripe.standin;

import static com.reservas.stripe.standin.StripeClients.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stripe outages as stripe-java experiences them, injected into the stand-in. */
class StripeJavaFaultInjectionTest {

  private final StripeStandIn standIn = new StripeStandIn();

  @BeforeEach
  void start() {
    standIn.start(0);
  }

  @AfterEach
  void stop() {
    standIn.stop();
  }

  @Test
  void http500IsRetriedByStripeJavaWithTheSameKeyAndChargesOnce() throws StripeException {
    standIn.setFaults(FaultSettings.failing(FailureMode.HTTP_500, 1.0).limitedTo(1));
    StripeClient retrying = StripeClients.client(standIn, 2, 10_000);

    PaymentIntent authorized =
        retrying.v1().paymentIntents().create(authorization("RETRY500", 41_200, "pm_card_visa"));

    assertThat(authorized.getStatus()).isEqualTo("requires_capture");
    StandInStats stats = standIn.stats();
    assertThat(stats.requests()).isEqualTo(2);
    assertThat(stats.faultsInjected()).isEqualTo(1);
    assertThat(stats.paymentIntentsCreated()).isEqualTo(1);
    assertThat(standIn.paymentIntentsCreatedFor("RETRY500")).isEqualTo(1);
  }

  @Test
  void http500WithoutRetriesIsAnApiException() {
    standIn.setFaults(FaultSettings.failing(FailureMode.HTTP_500, 1.0));

    assertThatThrownBy(
            () ->
                StripeClients.client(standIn)
                    .v1()
                    .paymentIntents()
                    .create(authorization("FAIL0500", 41_200, "pm_card_visa")))
        .asInstanceOf(type(ApiException.class))
        .satisfies(e -> assertThat(e.getStatusCode()).isEqualTo(500));
    assertThat(standIn.stats().paymentIntentsCreated()).isZero();
  }

  @Test
  void aFailedAttemptDoesNotBurnTheIdempotencyKey() throws StripeException {
    RequestOptions key = RequestOptions.builder().setIdempotencyKey("KEEPKEY1-authorize").build();
    StripeClient stripe = StripeClients.client(standIn);
    standIn.setFaults(FaultSettings.failing(FailureMode.HTTP_500, 1.0).limitedTo(1));

    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .paymentIntents()
                    .create(authorization("KEEPKEY1", 41_200, "pm_card_visa"), key))
        .isInstanceOf(ApiException.class);
    PaymentIntent retried =
        stripe.v1().paymentIntents().create(authorization("KEEPKEY1", 41_200, "pm_card_visa"), key);

    assertThat(retried.getStatus()).isEqualTo("requires_capture");
    assertThat(retried.getLastResponse().headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(standIn.paymentIntentsCreatedFor("KEEPKEY1")).isEqualTo(1);
  }

  @Test
  void http429IsARateLimitExceptionAndIsNotRetried() {
    standIn.setFaults(FaultSettings.failing(FailureMode.HTTP_429, 1.0));

    assertThatThrownBy(
            () ->
                StripeClients.client(standIn, 2, 10_000)
                    .v1()
                    .paymentIntents()
                    .create(authorization("LIMIT429", 41_200, "pm_card_visa")))
        .asInstanceOf(type(RateLimitException.class))
        .satisfies(
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(429);
              assertThat(e.getCode()).isEqualTo("rate_limit");
            });
    assertThat(standIn.stats().requests()).isEqualTo(1);
    assertThat(standIn.stats().paymentIntentsCreated()).isZero();
  }

  @Test
  void timeoutHoldsTheRequestPastTheClientsReadTimeout() {
    standIn.setFaults(FaultSettings.failing(FailureMode.TIMEOUT, 1.0));
    long startedAt = System.nanoTime();

    assertThatThrownBy(
            () ->
                StripeClients.client(standIn, 0, 300)
                    .v1()
                    .paymentIntents()
                    .create(authorization("TIMEOUT1", 41_200, "pm_card_visa")))
        .isInstanceOf(ApiConnectionException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(5));
    assertThat(standIn.stats().faultsInjected()).isEqualTo(1);
    assertThat(standIn.stats().paymentIntentsCreated()).isZero();
  }

  @Test
  void stopReleasesRequestsHeldByATimeoutFault() throws Exception {
    standIn.setFaults(FaultSettings.failing(FailureMode.TIMEOUT, 1.0));
    Thread caller =
        new Thread(
            () -> {
              try {
                StripeClients.client(standIn, 0, 60_000).v1().paymentIntents().retrieve("pi_held");
              } catch (StripeException expected) {
                // the stand-in closes the held connection when it stops
              }
            });
    caller.start();
    while (standIn.stats().faultsInjected() == 0) {
      Thread.sleep(10);
    }
    long startedAt = System.nanoTime();

    standIn.stop();
    caller.join(10_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void connectionResetIsAnApiConnectionException() {
    standIn.setFaults(FaultSettings.failing(FailureMode.CONNECTION_RESET, 1.0));

    assertThatThrownBy(
            () ->
                StripeClients.client(standIn)
                    .v1()
                    .paymentIntents()
                    .create(authorization("RESET001", 41_200, "pm_card_visa")))
        .isInstanceOf(ApiConnectionException.class);
    assertThat(standIn.stats().faultsInjected()).isPositive();
    assertThat(standIn.stats().paymentIntentsCreated()).isZero();
  }

  @Test
  void lostResponseIsRecoveredByRetryingWithTheSameKey() throws StripeException {
    standIn.setFaults(FaultSettings.slow(Duration.ofMillis(1_500)));
    RequestOptions key = RequestOptions.builder().setIdempotencyKey("LOSTRESP-authorize").build();

    assertThatThrownBy(
            () ->
                StripeClients.client(standIn, 0, 300)
                    .v1()
                    .paymentIntents()
                    .create(authorization("LOSTRESP", 41_200, "pm_card_visa"), key))
        .isInstanceOf(ApiConnectionException.class);
    standIn.clearFaults();
    PaymentIntent retried =
        StripeClients.client(standIn)
            .v1()
            .paymentIntents()
            .create(authorization("LOSTRESP", 41_200, "pm_card_visa"), key);

    assertThat(retried.getStatus()).isEqualTo("requires_capture");
    assertThat(retried.getLastResponse().headers().firstValue("Idempotent-Replayed"))
        .contains("true");
    assertThat(standIn.paymentIntentsCreatedFor("LOSTRESP")).isEqualTo(1);
    assertThat(standIn.authorizationsFor("LOSTRESP")).isEqualTo(1);
  }

  @Test
  void latencyDelaysTheAnswer() throws StripeException {
    standIn.setFaults(FaultSettings.slow(Duration.ofMillis(300)));
    long startedAt = System.nanoTime();

    StripeClients.client(standIn)
        .v1()
        .paymentIntents()
        .create(authorization("SLOW0001", 41_200, "pm_card_visa"));

    assertThat(Duration.ofNanos(System.nanoTime() - startedAt))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void partialFailureRateFailsSomeRequestsOnly() throws StripeException {
    standIn.setFaults(FaultSettings.failing(FailureMode.HTTP_500, 0.5));
    StripeClient stripe = StripeClients.client(standIn);
    int failed = 0;
    for (int i = 0; i < 40; i++) {
      try {
        stripe.v1().paymentIntents().create(authorization("RATE" + i, 41_200, "pm_card_visa"));
      } catch (ApiException e) {
        failed++;
      }
    }

    assertThat(failed).isBetween(5, 35);
    assertThat(standIn.stats().faultsInjected()).isEqualTo(failed);
    assertThat(standIn.stats().paymentIntentsCreated()).isEqualTo(40 - failed);
  }

  @Test
  void restartOnTheSamePortKeepsTheBooksLikeAStripeOutage() throws StripeException {
    StripeClient stripe = StripeClients.client(standIn);
    PaymentIntent authorized =
        stripe.v1().paymentIntents().create(authorization("OUTAGE01", 41_200, "pm_card_visa"));
    int port = standIn.port();
    standIn.stop();

    assertThatThrownBy(() -> stripe.v1().paymentIntents().capture(authorized.getId()))
        .isInstanceOf(ApiConnectionException.class);

    standIn.start(port);
    assertThat(stripe.v1().paymentIntents().capture(authorized.getId()).getStatus())
        .isEqualTo("succeeded");
    assertThat(standIn.paymentIntentsCreatedFor("OUTAGE01")).isEqualTo(1);
  }
}
