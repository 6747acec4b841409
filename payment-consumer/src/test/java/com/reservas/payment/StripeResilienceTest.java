package com.reservas.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.consumer.support.kafka.EventHeaders;
import com.reservas.payment.support.PaymentConsumerIntegrationTest;
import com.reservas.payment.support.ReservationEvents;
import com.reservas.schemas.avro.PaymentAuthorized;
import com.reservas.stripe.standin.FailureMode;
import com.reservas.stripe.standin.FaultSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Stripe down: the breaker, the retry topics, the dead-letter topic and its replay. */
class StripeResilienceTest extends PaymentConsumerIntegrationTest {

  @Test
  void theBreakerOpensAfterRepeatedFailuresStopsCallingStripeAndClosesAgainAfterTheWait() {
    STRIPE.setFaults(FaultSettings.failing(FailureMode.HTTP_500, 1.0));
    List<String> codes = List.of("BRKR0001", "BRKR0002", "BRKR0003");

    codes.forEach(code -> send(ReservationEvents.created(code, "pm_card_visa")));

    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> stripeBreaker().getState() == CircuitBreaker.State.OPEN);
    // The breaker wraps the retries: an operation it let in just before it opened still makes its
    // remaining attempts (at most two, each after at most 100 ms). Count from when they are done.
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(1))
        .until(() -> stripeBreaker().getState() == CircuitBreaker.State.OPEN);
    long requestsWhenOpened = STRIPE.stats().requests();
    await()
        .during(Duration.ofMillis(400))
        .atMost(Duration.ofSeconds(1))
        .until(() -> stripeBreaker().getState() == CircuitBreaker.State.OPEN);
    assertThat(STRIPE.stats().requests())
        .as("an open breaker keeps the calls away from Stripe")
        .isEqualTo(requestsWhenOpened);
    assertThat(prometheus())
        .contains(
            "resilience4j_circuitbreaker_state{application=\"payment-consumer\",name=\"stripe\",state=\"open\"} 1.0");

    STRIPE.clearFaults();

    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> stripeBreaker().getState() == CircuitBreaker.State.CLOSED);
    for (String code : codes) {
      awaitOutcome(code, PaymentAuthorized.class);
      assertThat(STRIPE.paymentIntentsCreatedFor(code)).isEqualTo(1);
    }
    assertThat(prometheus())
        .contains(
            "resilience4j_circuitbreaker_state{application=\"payment-consumer\",name=\"stripe\",state=\"closed\"} 1.0")
        .contains(
            "reservas_payment_outcomes_total{application=\"payment-consumer\",operation=\"authorize\",outcome=\"PaymentAuthorized\"}");
  }

  @Test
  void whenRetriesAreExhaustedTheEventIsADeadLetterAndItsReplayAuthorizesTheCardOnce() {
    STRIPE.setFaults(FaultSettings.failing(FailureMode.HTTP_500, 1.0));

    send(ReservationEvents.created("DEAD0001", "pm_card_visa"));

    await().atMost(WAIT).until(() -> !topics.records(DLT, "DEAD0001").isEmpty());
    ConsumerRecord<String, byte[]> deadLetter = topics.records(DLT, "DEAD0001").get(0);
    assertThat(header(deadLetter, KafkaHeaders.ORIGINAL_TOPIC)).isEqualTo(INPUT);
    assertThat(header(deadLetter, KafkaHeaders.EXCEPTION_MESSAGE))
        .containsAnyOf("Stripe unavailable after retries", "Stripe circuit breaker is open");
    assertThat(header(deadLetter, EventHeaders.EVENT_TYPE)).isEqualTo("ReservationCreated");
    assertThat(topics.records("reservations.events-payment-consumer-retry-0", "DEAD0001"))
        .isNotEmpty();
    assertThat(STRIPE.paymentIntentsCreatedFor("DEAD0001")).isZero();
    assertThat(outcomes("DEAD0001")).noneMatch(PaymentAuthorized.class::isInstance);

    STRIPE.clearFaults();
    WebTestClient admin = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    admin.post().uri("/admin/dead-letters/replay").exchange().expectStatus().isUnauthorized();
    admin
        .post()
        .uri("/admin/dead-letters/replay")
        .header("X-Admin-Token", OPERATIONS_TOKEN)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.replayed")
        .value(replayed -> assertThat((Integer) replayed).isPositive())
        .jsonPath("$.replayedTo['reservations.events']")
        .value(replayed -> assertThat((Integer) replayed).isPositive());

    PaymentAuthorized authorized = awaitOutcome("DEAD0001", PaymentAuthorized.class);
    assertThat(STRIPE.paymentIntentsCreatedFor("DEAD0001")).isEqualTo(1);
    assertThat(authorized.getPaymentIntentId()).startsWith("pi_");
  }

  @Test
  void healthAndReadinessAreUpWithTheListenersRunning() {
    WebTestClient client =
        WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();

    client
        .get()
        .uri("/actuator/health/readiness")
        .header("X-Admin-Token", OPERATIONS_TOKEN)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.kafkaListeners.status")
        .isEqualTo("UP");
    client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
  }

  private String prometheus() {
    return WebTestClient.bindToServer()
        .baseUrl("http://localhost:" + managementPort)
        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
        .build()
        .get()
        .uri("/actuator/prometheus")
        .header("Authorization", "Bearer " + METRICS_TOKEN)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return EventHeaders.lastValue(record.headers(), name).orElse(null);
  }
}
