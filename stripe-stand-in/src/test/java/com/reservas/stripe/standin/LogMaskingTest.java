package com.reservas.stripe.standin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogMaskingTest {

  @Test
  void masksTokensMetadataAndFreeTextButNotAmounts() {
    String logged =
        LogMasking.parameters(
            FormParameters.parse(
                "amount=41200&currency=eur&payment_method=pm_1Nabcdefghijklmn"
                    + "&metadata[reservation_code]=K7P2QX9A&description=Ana+Garcia"));

    assertThat(logged)
        .contains("amount=41200", "currency=eur", "payment_method=pm_****klmn")
        .contains("metadata[reservation_code]=K7****", "description=An****")
        .doesNotContain("pm_1Nabcdefghijklmn", "K7P2QX9A", "Garcia");
  }

  @Test
  void masksApiKeysAsStripeDoes() {
    assertThat(LogMasking.apiKey("sk_test_51Habcdefghij1234")).isEqualTo("sk_test_****1234");
    assertThat(LogMasking.token("pm_x")).isEqualTo("****");
  }
}
