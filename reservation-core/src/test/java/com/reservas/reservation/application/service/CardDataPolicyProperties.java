package com.reservas.reservation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.testsupport.cards.CardNumberRenderings;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CardDataPolicyProperties {

  private static final String[] STRIPE_TEST_CARDS = {
    "4242424242424242",
    "4000056655665556",
    "5555555555554444",
    "378282246310005",
    "6011111111111117"
  };

  @Property(tries = 20_000)
  void aRandomUuidIsNeverCardData(@ForAll long most, @ForAll long least) {
    String key = new UUID(most, least).toString();

    assertThat(CardDataPolicy.containsCardNumber(key)).as(key).isFalse();
    assertThat(CardDataPolicy.containsCardNumber(key.toUpperCase())).as(key).isFalse();
  }

  @Property
  void aCardNumberIsFoundWhereverItIsWritten(
      @ForAll("cards") String card, @ForAll("separators") String separator) {
    String grouped = card.replaceAll("(\\d{4})(?=\\d)", "$1" + separator);

    assertThat(CardDataPolicy.containsCardNumber(grouped)).as(grouped).isTrue();
    assertThat(CardDataPolicy.containsCardNumber("refund to " + grouped + " please")).isTrue();
    assertThat(CardDataPolicy.containsCardNumber("pm_" + card)).isTrue();
  }

  @Property(tries = 1_000)
  void aCardNumberIsRefusedInAnyScriptWithAnySeparators(
      @ForAll("renderings") CardNumberRenderings.Rendering card) {
    assertThat(CardDataPolicy.containsCardNumber(card.text())).as(card.toString()).isTrue();
    assertThat(CardDataPolicy.containsCardNumber("card " + card.text())).isTrue();
  }

  @Property
  void aCardNumberNextToAUuidIsStillFound(@ForAll("cards") String card, @ForAll long bits) {
    String key = new UUID(bits, ~bits) + "-" + card;

    assertThat(CardDataPolicy.containsCardNumber(key)).as(key).isTrue();
  }

  @Provide
  Arbitrary<String> cards() {
    return Arbitraries.of(STRIPE_TEST_CARDS);
  }

  @Provide
  Arbitrary<CardNumberRenderings.Rendering> renderings() {
    return CardNumberRenderings.anyScript();
  }

  @Provide
  Arbitrary<String> separators() {
    return Arbitraries.of("", " ", "-");
  }
}
