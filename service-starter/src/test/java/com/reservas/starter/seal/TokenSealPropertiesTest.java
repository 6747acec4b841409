package com.reservas.starter.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.schemas.seal.TokenSeal;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenSealPropertiesTest {

  private static final byte[] OLD = bytes(7);
  private static final byte[] NEW = bytes(8);

  @Test
  void theLocalProfileFallsBackToThePublishedKeyAndNothingElseDoes() {
    var none = new TokenSealProperties("", List.of());

    assertThat(none.toSeal(true).keyIds())
        .containsExactly(TokenSeal.keyIdOf(TokenSealProperties.LOCAL_KEY));
    assertThatThrownBy(() -> none.toSeal(false))
        .hasMessageContaining("reservas.events.token-seal.key is not set");
  }

  @Test
  void thePublishedKeyIsRefusedOutsideTheLocalProfile() {
    String published = Base64.getEncoder().encodeToString(TokenSealProperties.LOCAL_KEY);

    assertThatThrownBy(() -> new TokenSealProperties(published, List.of()).toSeal(false))
        .hasMessageContaining("reservas.events.token-seal.key is the local profile's");
    assertThatThrownBy(() -> new TokenSealProperties(base64(NEW), List.of(published)).toSeal(false))
        .hasMessageContaining("reservas.events.token-seal.previous-keys[0] is the local");
  }

  @Test
  void theKeySealsAndThePreviousKeysStillOpen() {
    TokenSeal before = new TokenSealProperties(base64(OLD), List.of()).toSeal(false);
    TokenSeal during = new TokenSealProperties(base64url(NEW), List.of(base64(OLD))).toSeal(false);

    String sealedBefore = before.seal("K7P2QX9A", "pm_card_visa");
    String sealedDuring = during.seal("K7P2QX9A", "pm_card_visa");

    assertThat(sealedDuring).startsWith("v1." + TokenSeal.keyIdOf(NEW) + ".");
    assertThat(during.open("K7P2QX9A", sealedBefore)).isEqualTo("pm_card_visa");
    assertThat(during.open("K7P2QX9A", sealedDuring)).isEqualTo("pm_card_visa");
  }

  @Test
  void keysThatAreNot256BitsOfBase64AreRefusedByName() {
    assertThatThrownBy(() -> new TokenSealProperties("c2hvcnQ=", List.of()).toSeal(false))
        .hasMessageContaining("reservas.events.token-seal.key has 5 bytes");
    assertThatThrownBy(() -> new TokenSealProperties("%%%", List.of()).toSeal(false))
        .hasMessageContaining("reservas.events.token-seal.key is not base64");
  }

  private static String base64(byte[] key) {
    return Base64.getEncoder().encodeToString(key);
  }

  private static String base64url(byte[] key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  private static byte[] bytes(int fill) {
    byte[] bytes = new byte[TokenSeal.KEY_BYTES];
    Arrays.fill(bytes, (byte) fill);
    return bytes;
  }
}
