package com.reservas.schemas.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TokenSealTest {

  private static final byte[] OLD_KEY = key(1);
  private static final byte[] NEW_KEY = key(2);

  private final TokenSeal seal = TokenSeal.of("k2", Map.of("k1", OLD_KEY, "k2", NEW_KEY));

  @Property
  void whatIsSealedOpensWithTheSameContextAndShowsNothingOfTheValue(
      @ForAll @StringLength(min = 1, max = 60) String token,
      @ForAll @AlphaChars @StringLength(8) String code) {
    String sealed = seal.seal(code, token);

    assertThat(sealed).startsWith("v1.k2.");
    if (token.length() >= 8) {
      assertThat(sealed).doesNotContain(token);
    }
    assertThat(seal.open(code, sealed)).isEqualTo(token);
  }

  @Test
  void sealingTheSameValueTwiceGivesDifferentTexts() {
    assertThat(seal.seal("K7P2QX9A", "pm_card_visa"))
        .isNotEqualTo(seal.seal("K7P2QX9A", "pm_card_visa"));
  }

  @Test
  void aValueSealedForOneReservationDoesNotOpenForAnother() {
    String sealed = seal.seal("K7P2QX9A", "pm_card_visa");

    assertThatThrownBy(() -> seal.open("AAAAAAAA", sealed))
        .isInstanceOf(TokenSealException.class)
        .hasMessageContaining("does not authenticate");
  }

  @Test
  void anAlteredValueDoesNotOpen() {
    String sealed = seal.seal("K7P2QX9A", "pm_card_visa");
    char last = sealed.charAt(sealed.length() - 2);
    String altered =
        sealed.substring(0, sealed.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + sealed.charAt(sealed.length() - 1);

    assertThatThrownBy(() -> seal.open("K7P2QX9A", altered)).isInstanceOf(TokenSealException.class);
  }

  @Test
  void keysRotate_aReaderWithBothKeysOpensWhatEitherSealed() {
    TokenSeal oldWriter = TokenSeal.of("k1", Map.of("k1", OLD_KEY));
    TokenSeal newWriter = TokenSeal.of("k2", Map.of("k2", NEW_KEY));

    assertThat(seal.open("K7P2QX9A", oldWriter.seal("K7P2QX9A", "pm_old"))).isEqualTo("pm_old");
    assertThat(seal.open("K7P2QX9A", newWriter.seal("K7P2QX9A", "pm_new"))).isEqualTo("pm_new");
    assertThatThrownBy(() -> newWriter.open("K7P2QX9A", oldWriter.seal("K7P2QX9A", "pm_old")))
        .isInstanceOf(TokenSealException.class)
        .hasMessageContaining("key 'k1'");
  }

  @Test
  void aReaderWithAnotherKeyUnderTheSameIdCannotOpen() {
    TokenSeal impostor = TokenSeal.of("k2", Map.of("k2", key(9)));

    assertThatThrownBy(() -> impostor.open("K7P2QX9A", seal.seal("K7P2QX9A", "pm_card_visa")))
        .isInstanceOf(TokenSealException.class);
  }

  @Test
  void textsThatAreNotSealedValuesAreRefused() {
    assertThatThrownBy(() -> seal.open("K7P2QX9A", "pm_card_visa"))
        .isInstanceOf(TokenSealException.class);
    assertThatThrownBy(() -> seal.open("K7P2QX9A", "v1.k2.!!!"))
        .isInstanceOf(TokenSealException.class);
    assertThatThrownBy(() -> seal.open("K7P2QX9A", "v1.k2.AAAA"))
        .isInstanceOf(TokenSealException.class);
  }

  @Test
  void keysMustBe256BitsUnderPlainIdsAndTheSealingKeyMustBeOneOfThem() {
    assertThatThrownBy(() -> TokenSeal.of("k1", Map.of("k1", new byte[16])))
        .hasMessageContaining("16 bytes");
    assertThatThrownBy(() -> TokenSeal.of("k.1", Map.of("k.1", OLD_KEY)))
        .hasMessageContaining("key id");
    assertThatThrownBy(() -> TokenSeal.of("k3", Map.of("k1", OLD_KEY)))
        .hasMessageContaining("'k3' is not among");
  }

  private static byte[] key(int fill) {
    byte[] key = new byte[TokenSeal.KEY_BYTES];
    Arrays.fill(key, (byte) fill);
    return key;
  }
}
