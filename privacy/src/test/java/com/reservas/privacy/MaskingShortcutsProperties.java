package com.reservas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The shortcuts of {@link PersonalDataMasker#maskText} (patterns skipped when the text lacks what
 * every match contains) change its cost, never its answer: on texts mixing every kind of personal
 * data, secret, identifier and punctuation the masker recognises, it masks exactly what the same
 * rules masked by running every pattern over the whole text do.
 */
class MaskingShortcutsProperties {

  private final PersonalDataMasker withShortcuts = PersonalDataMasker.standard();
  private final PersonalDataMasker reference = PersonalDataMasker.withoutShortcuts();

  @Property(tries = 3_000)
  void theShortcutsMaskExactlyWhatEveryPatternMasks(@ForAll("texts") String text) {
    assertThat(withShortcuts.maskText(text)).isEqualTo(reference.maskText(text));
  }

  @Property(tries = 1_000)
  void cardNumbersAreFoundWithOrWithoutTheShortcut(@ForAll("texts") String text) {
    assertThat(CardNumbers.mask(text, "[card]"))
        .isEqualTo(CardNumbers.maskEveryRun(text, "[card]"));
  }

  @Provide
  Arbitrary<String> texts() {
    PersonalDataMaskingProperties values = new PersonalDataMaskingProperties();
    Arbitrary<String> fragment =
        Arbitraries.oneOf(
            values.emails(),
            values.emails().map(email -> email.replace("@", "%40")),
            values.phones(),
            values.names(),
            values.tokens(),
            values.cards(),
            values.words(),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.longs().tuple2().map(bits -> new UUID(bits.get1(), bits.get2()).toString()),
            Arbitraries.of(
                "\"email\":",
                "\"phone\": ",
                "\\\"lastName\\\":\\\"",
                "name=",
                "card[number]=",
                "x-api-key: ",
                "first_name=",
                "Authorization: Bearer ",
                "basic ",
                "\"amount\":",
                "pi_3Qx_secret_",
                "whsec_",
                "\"",
                ":",
                "=",
                "]",
                "&",
                "+",
                "(",
                ")",
                "-",
                ".",
                "_",
                "@",
                "%40",
                "\n",
                "４２",
                "\u00a0"),
            Arbitraries.strings().ofMaxLength(6));
    Arbitrary<String> separator = Arbitraries.of("", "", " ", ",", ":", "=", "\"", "-", "&");
    return fragment
        .list()
        .ofMinSize(1)
        .ofMaxSize(14)
        .flatMap(
            parts ->
                separator
                    .list()
                    .ofSize(parts.size())
                    .map(separators -> interleave(parts, separators)));
  }

  private static String interleave(List<String> parts, List<String> separators) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      text.append(parts.get(i)).append(separators.get(i));
    }
    return text.toString();
  }
}
