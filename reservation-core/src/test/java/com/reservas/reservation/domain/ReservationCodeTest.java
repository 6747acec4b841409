package com.reservas.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class ReservationCodeTest {

  @Property(tries = 500)
  void everyDrawnCodeIsEightUpperCaseLettersOrDigits(@ForAll long seed) {
    ReservationCode code = ReservationCode.random(new Random(seed));

    assertThat(code.value()).matches("[A-Z0-9]{8}");
  }

  @Property(tries = 3)
  void tenThousandSecureCodesAreAllDistinct() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(ReservationCode.random(random).value());
    }
    assertThat(seen).hasSize(10_000);
  }

  @Property
  void anythingButEightUpperCaseAlphanumericsIsNotACode(
      @ForAll @StringLength(max = 12) String raw) {
    boolean valid = raw.matches("[A-Z0-9]{8}");

    assertThat(ReservationCode.parse(raw))
        .isEqualTo(
            valid ? java.util.Optional.of(new ReservationCode(raw)) : java.util.Optional.empty());
  }

  @Property
  void lowerCaseCodesAreNotCodes(@ForAll("codes") ReservationCode code) {
    String lower = code.value().toLowerCase(java.util.Locale.ROOT);

    assertThat(ReservationCode.parse(lower).isPresent()).isEqualTo(lower.equals(code.value()));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<ReservationCode> codes() {
    return net.jqwik.api.Arbitraries.longs().map(seed -> ReservationCode.random(new Random(seed)));
  }

  @net.jqwik.api.Example
  void aCodeCannotBeBuiltFromInvalidText() {
    assertThatThrownBy(() -> new ReservationCode("k7p2qx9a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReservationCode("K7P2QX9"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
