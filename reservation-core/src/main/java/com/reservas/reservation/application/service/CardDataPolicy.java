package com.reservas.reservation.application.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PCI-DSS guard: Reservas only ever accepts Stripe tokens. Any text that looks like a card number
 * (13 to 19 digits, possibly grouped by spaces or dashes, passing the Luhn check) is refused before
 * it can be stored, logged or sent anywhere.
 *
 * <p>UUIDs in their canonical form ({@code 8-4-4-4-12} hexadecimal digits) are not card numbers,
 * even when some of their groups are all decimal and happen to pass the Luhn check: they are the
 * usual {@code Idempotency-Key}, and about seven random UUIDs in a thousand would otherwise be
 * refused.
 */
public final class CardDataPolicy {

  private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){12,}");

  private static final Pattern UUID =
      Pattern.compile(
          "(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])");

  private CardDataPolicy() {}

  public static boolean containsCardNumber(String text) {
    if (text == null || text.length() < 13) {
      return false;
    }
    Matcher matcher = DIGIT_RUN.matcher(UUID.matcher(text).replaceAll("uuid"));
    while (matcher.find()) {
      String digits = matcher.group().replaceAll("[ -]", "");
      for (int length = 19; length >= 13; length--) {
        for (int start = 0; start + length <= digits.length(); start++) {
          if (passesLuhn(digits, start, start + length)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  static boolean passesLuhn(String digits, int from, int to) {
    int sum = 0;
    boolean doubled = false;
    for (int i = to - 1; i >= from; i--) {
      int digit = digits.charAt(i) - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
