package com.reservas.testsupport.cards;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Card numbers the way someone trying to slip one past a filter writes them: Luhn-valid numbers of
 * 13–19 digits, cut into groups of random sizes joined by random separators (spaces of any kind,
 * zero-width characters, {@code . / _ -}, dashes, their full-width forms, repeated), each digit in
 * a random script (ASCII, full-width, Arabic-Indic, extended Arabic-Indic, Devanagari, mathematical
 * bold, circled).
 */
public final class CardNumberRenderings {

  /** A card number: its digits in ASCII and how it was written. */
  public record Rendering(String digits, String text) {
    @Override
    public String toString() {
      StringBuilder shown = new StringBuilder(digits).append(" as \"");
      text.codePoints()
          .forEach(
              cp -> {
                if (cp < 0x20 || cp > 0x7E) {
                  shown.append(String.format("\\u{%X}", cp));
                } else {
                  shown.appendCodePoint(cp);
                }
              });
      return shown.append('"').toString();
    }
  }

  private static final String[] SEPARATORS = {
    " ", "  ", "\u00A0", "\u2009", "\u202F", "\u3000", "\u200B", "\u2060", ".", "/", "_", "-", "--",
    " - ", "\u2010", "\u2013", "\u2014", "\u2212", "\uFF0E", "\uFF0F", "\uFF3F", "\uFF0D", ". "
  };

  private static final String[] ASCII_SEPARATORS = {
    " ", "  ", ".", "/", "_", "-", "--", " - ", "._"
  };

  /** Zero of each script: a digit d is written as zero + d. */
  private static final int[] ZEROS = {'0', 0xFF10, 0x0660, 0x06F0, 0x0966, 0x1D7CE};

  private static final int CIRCLED_ONE = 0x2460;

  private CardNumberRenderings() {}

  /** Luhn-valid numbers of 13 to 19 digits. */
  public static Arbitrary<String> luhnValid() {
    return Arbitraries.integers()
        .between(13, 19)
        .flatMap(
            length ->
                Arbitraries.strings()
                    .numeric()
                    .ofLength(length - 1)
                    .map(body -> body + checkDigit(body)));
  }

  /** Card numbers in any script with any separators. */
  public static Arbitrary<Rendering> anyScript() {
    return renderings(SEPARATORS, true);
  }

  /** Card numbers in ASCII digits with ASCII separators (what fits in an HTTP header). */
  public static Arbitrary<Rendering> ascii() {
    return renderings(ASCII_SEPARATORS, false);
  }

  private static Arbitrary<Rendering> renderings(String[] separators, boolean scripts) {
    return luhnValid()
        .flatMap(
            digits ->
                Combinators.combine(
                        Arbitraries.integers().between(1, 6).list().ofSize(digits.length()),
                        Arbitraries.of(separators).list().ofSize(digits.length()),
                        Arbitraries.integers()
                            .between(0, scripts ? ZEROS.length : 0)
                            .list()
                            .ofSize(digits.length()))
                    .as(
                        (groupSizes, joints, scriptOf) ->
                            render(digits, groupSizes, joints, scriptOf)));
  }

  private static Rendering render(
      String digits, List<Integer> groupSizes, List<String> joints, List<Integer> scriptOf) {
    StringBuilder text = new StringBuilder();
    int inGroup = 0;
    int group = 0;
    for (int i = 0; i < digits.length(); i++) {
      if (inGroup == groupSizes.get(group)) {
        text.append(joints.get(group));
        group++;
        inGroup = 0;
      }
      int digit = digits.charAt(i) - '0';
      int script = scriptOf.get(i);
      if (script == ZEROS.length) {
        // circled digits exist for 1..9 only; a circled zero is written plainly
        text.appendCodePoint(digit == 0 ? '0' : CIRCLED_ONE + digit - 1);
      } else {
        text.appendCodePoint(ZEROS[script] + digit);
      }
      inGroup++;
    }
    return new Rendering(digits, text.toString());
  }

  /** The digit that makes {@code body} + digit pass the Luhn check. */
  static int checkDigit(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int digit = body.charAt(body.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return (10 - sum % 10) % 10;
  }
}
