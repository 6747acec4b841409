package com.reservas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

/**
 * {@link PersonalDataMasker#maskParameters} is an allow-list: whatever a parameter outside it
 * holds, its value does not reach the log line.
 */
class MaskParametersProperties {

  private final PersonalDataMasker masker = PersonalDataMasker.standard();

  @Property(tries = 1_000)
  void aValueOutsideTheAllowListNeverShows(
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String key,
      @ForAll @StringLength(min = 4, max = 40) String value) {
    String logged =
        masker.maskParameters(List.of(Map.entry("x" + key, "#" + value)), "amount"::equals);

    assertThat(logged).doesNotContain("#" + value);
  }

  @Property(tries = 200)
  void aValueOnTheAllowListShowsAsItIs(@ForAll @StringLength(max = 40) String value) {
    assertThat(masker.maskParameters(List.of(Map.entry("amount", value)), "amount"::equals))
        .isEqualTo("{amount=" + value + "}");
  }
}
