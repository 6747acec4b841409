package com.reservas.consumer.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.consumer.support.audit.ExternalCallRecorder;
import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.privacy.PersonalDataMasker;
import com.reservas.schemas.avro.ExternalCall;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class ExternalCallRecorderTest {

  private final ExternalCallRecorder recorder =
      new ExternalCallRecorder(PersonalDataMasker.standard(), 200);

  @Test
  void recordsAStripeCallWithSecretsAndPersonalDataMasked() {
    Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    HttpExchange exchange =
        new HttpExchange(
            "authorize",
            "K7P2QX9A-authorize",
            "POST",
            "http://127.0.0.1:12111/v1/payment_intents?receipt_email=ana@example.com",
            "amount=41200&currency=eur&payment_method=pm_card_visa&metadata[reservation_code]=K7P2QX9A",
            200,
            "{\"id\":\"pi_123\",\"client_secret\":\"pi_123_secret_abcdefghij\",\"status\":\"requires_capture\"}",
            startedAt,
            Duration.ofMillis(42));

    ExternalCall call = recorder.toExternalCall(exchange);

    assertThat(call.getOperation()).isEqualTo("authorize");
    assertThat(call.getRequestId()).isEqualTo("K7P2QX9A-authorize");
    assertThat(call.getUrl()).doesNotContain("ana@example.com").contains("a***@example.com");
    assertThat(call.getRequestBody())
        .contains("payment_method=pm_****visa", "metadata[reservation_code]=K7P2QX9A")
        .doesNotContain("pm_card_visa");
    assertThat(call.getResponseBody())
        .contains("\"id\":\"pi_123\"", "requires_capture")
        .doesNotContain("secret_abcdefghij");
    assertThat(call.getResponseStatus()).isEqualTo(200);
    assertThat(call.getStartedAt()).isEqualTo(startedAt);
    assertThat(call.getDurationMillis()).isEqualTo(42);
  }

  @Test
  void cutsLongBodiesAfterMaskingThem() {
    String body = "email=ana@example.com&" + "x".repeat(1000);
    HttpExchange exchange =
        new HttpExchange(
            "book", "R1-book", "POST", "http://s/b", body, 0, null, Instant.now(), Duration.ZERO);

    HttpExchange masked = recorder.mask(exchange);

    assertThat(masked.requestBody())
        .hasSize(200)
        .startsWith("email=a***@example.com&")
        .endsWith(ExternalCallRecorder.TRUNCATION_MARK);
    assertThat(masked.responseBody()).isNull();
    assertThat(masked.answered()).isFalse();
    assertThat(recorder.mask(masked)).isEqualTo(masked);
  }
}
