package com.reservas.reservation.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final String BODY = "{\"a\":1}";

  /** The value {@code openssl dgst -sha256 -hmac whsec_test} gives for "1733333333.{"a":1}". */
  private static final String OPENSSL =
      "66cfbb10b620f0c4917c58ffeb5375b9d99e43b3ec5f11e205c29989899804e6";

  @Test
  void theSignatureIsTheHmacOpensslComputesOverTimestampDotBody() {
    assertThat(WebhookSignature.header("whsec_test", 1733333333L, BODY))
        .isEqualTo("t=1733333333,v1=" + OPENSSL);
  }

  @Test
  void aReceiverVerifiesTheBodyAsSentAndNothingElse() {
    String header = WebhookSignature.header("whsec_test", 1733333333L, BODY);
    assertThat(WebhookSignature.verifies("whsec_test", header, BODY)).isTrue();
    assertThat(WebhookSignature.verifies("whsec_other", header, BODY)).isFalse();
    assertThat(WebhookSignature.verifies("whsec_test", header, "{\"a\":2}")).isFalse();
    assertThat(WebhookSignature.verifies("whsec_test", "t=1733333334,v1=" + OPENSSL, BODY))
        .isFalse();
    assertThat(WebhookSignature.verifies("whsec_test", "garbage", BODY)).isFalse();
  }
}
