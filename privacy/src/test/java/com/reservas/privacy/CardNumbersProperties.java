package com.reservas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.testsupport.cards.CardNumberRenderings;
import com.reservas.testsupport.cards.CardNumberRenderings.Rendering;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A card number is found however it is written — any script, any separators — and the masker leaves
 * nothing of it; what is not a card (a UUID, an ordinary short number) is left alone.
 */
class CardNumbersProperties {

  private final PersonalDataMasker masker = PersonalDataMasker.standard();

  @Property(tries = 2_000)
  void aCardNumberIsFoundInAnyScriptWithAnySeparators(@ForAll("renderings") Rendering card) {
    assertThat(CardNumbers.contains(card.text())).as(card.toString()).isTrue();
    assertThat(CardNumbers.contains("refund to " + card.text() + ", thanks")).isTrue();
  }

  @Property(tries = 2_000)
  void theMaskerLeavesNoDigitOfTheCardInTheLog(@ForAll("renderings") Rendering card) {
    String masked = masker.maskText("payment with card " + card.text() + " failed");

    assertThat(masked)
        .as(card.toString())
        .isEqualTo("payment with card " + PersonalDataMasker.CARD_PLACEHOLDER + " failed");
    assertThat(CardNumbers.contains(masked)).isFalse();
  }

  @Property(tries = 2_000)
  void aUuidIsNeverACardNumber(@ForAll long most, @ForAll long least) {
    String id = new UUID(most, least).toString();

    assertThat(CardNumbers.contains(id)).as(id).isFalse();
    assertThat(masker.maskCardNumbers(id)).isEqualTo(id);
  }

  @Provide
  Arbitrary<Rendering> renderings() {
    return CardNumberRenderings.anyScript();
  }
}
