package com.reservas.privacy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds card numbers however they are written: a Luhn-valid run of 13–19 digits, where a digit is
 * anything that is a decimal digit after Unicode NFKC normalisation (ASCII, full-width {@code ４},
 * Arabic-Indic {@code ٤}, Devanagari, mathematical {@code 𝟒}, circled {@code ④}...) and the digits
 * may be separated by any number of separators: spaces of any kind (no-break, thin, ideographic,
 * zero-width), {@code . / _ -} and their look-alikes (dashes, full-width forms). Anything else — a
 * letter, a colon, a comma — ends the run. The validator of the API and the log masker both use it,
 * so what is refused at the door is also what is masked in the log.
 *
 * <p>Canonical UUIDs ({@code 8-4-4-4-12} hexadecimal digits) are not card numbers, even when some
 * of their all-decimal groups happen to pass the Luhn check: they are the usual {@code
 * Idempotency-Key} and event id.
 */
public final class CardNumbers {

  static final int MIN_DIGITS = 13;
  static final int MAX_DIGITS = 19;

  private static final Pattern UUID =
      Pattern.compile(
          "(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])");

  private CardNumbers() {}

  /** Where one card number was found: from its first digit to after its last, in the text. */
  public record Span(int start, int end) {}

  /** Whether {@code text} contains a card number. */
  public static boolean contains(String text) {
    return text != null && !find(text).isEmpty();
  }

  /** {@code text} with every card number (first to last digit) replaced by {@code placeholder}. */
  public static String mask(String text, String placeholder) {
    if (text == null) {
      return null;
    }
    return replace(text, find(text), placeholder);
  }

  private static String replace(String text, List<Span> spans, String placeholder) {
    if (spans.isEmpty()) {
      return text;
    }
    StringBuilder masked = new StringBuilder(text.length());
    int copied = 0;
    for (Span span : spans) {
      masked.append(text, copied, span.start()).append(placeholder);
      copied = span.end();
    }
    return masked.append(text, copied, text.length()).toString();
  }

  /** Every card number in {@code text}, left to right, not overlapping. */
  public static List<Span> find(String text) {
    if (text == null || text.length() < MIN_DIGITS || !hasLongDigitRun(text)) {
      return new ArrayList<>();
    }
    return findInEveryRun(text);
  }

  /** {@link #mask} without the shortcut of {@link #find}: the reference it is tested against. */
  static String maskEveryRun(String text, String placeholder) {
    return replace(text, findInEveryRun(text), placeholder);
  }

  private static List<Span> findInEveryRun(String text) {
    List<Span> spans = new ArrayList<>();
    boolean[] inUuid = uuidChars(text);
    List<int[]> run = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      int next = i + Character.charCount(codePoint);
      int digit = inUuid[i] ? -1 : digitOf(codePoint);
      if (digit >= 0) {
        run.add(new int[] {i, next, digit});
      } else if (inUuid[i] || !isSeparator(codePoint)) {
        cardsIn(run, spans);
        run.clear();
      }
      i = next;
    }
    cardsIn(run, spans);
    return spans;
  }

  /**
   * Whether some run (digits and separators) holds at least {@link #MIN_DIGITS} digits, counting
   * those of UUIDs too: a shortcut, since without one there is no card, that spares most text the
   * UUID search and the window scan.
   */
  private static boolean hasLongDigitRun(String text) {
    int digits = 0;
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      if (digitOf(codePoint) >= 0) {
        if (++digits >= MIN_DIGITS) {
          return true;
        }
      } else if (!isSeparator(codePoint)) {
        digits = 0;
      }
      i += Character.charCount(codePoint);
    }
    return false;
  }

  /**
   * The Luhn-valid windows of a run of digits: from the left, the longest valid window of 13–19
   * digits starting at each digit; after a card, the search goes on behind it.
   */
  private static void cardsIn(List<int[]> run, List<Span> spans) {
    int count = run.size();
    int first = 0;
    while (first <= count - MIN_DIGITS) {
      int length = luhnWindow(run, first, Math.min(MAX_DIGITS, count - first));
      if (length == 0) {
        first++;
        continue;
      }
      spans.add(new Span(run.get(first)[0], run.get(first + length - 1)[1]));
      first += length;
    }
  }

  private static int luhnWindow(List<int[]> run, int first, int maxLength) {
    for (int length = maxLength; length >= MIN_DIGITS; length--) {
      int sum = 0;
      for (int i = 0; i < length; i++) {
        int digit = run.get(first + length - 1 - i)[2];
        if (i % 2 == 1) {
          digit *= 2;
          if (digit > 9) {
            digit -= 9;
          }
        }
        sum += digit;
      }
      if (sum % 10 == 0) {
        return length;
      }
    }
    return 0;
  }

  /** The value of a digit in any script, after NFKC; -1 for anything else. */
  static int digitOf(int codePoint) {
    if (codePoint < 128) {
      return codePoint >= '0' && codePoint <= '9' ? codePoint - '0' : -1;
    }
    int value = Character.digit(codePoint, 10);
    if (value >= 0) {
      return value;
    }
    String normalized = nfkc(codePoint);
    return normalized.length() == 1 ? Character.digit(normalized.charAt(0), 10) : -1;
  }

  /**
   * Whether the code point may stand between the digit groups of a card number: a space of any
   * kind, an invisible format character, {@code . / _ -} or, after NFKC, one of those (full-width
   * forms), or any dash.
   */
  static boolean isSeparator(int codePoint) {
    if (codePoint < 128) {
      return codePoint == ' '
          || codePoint == '.'
          || codePoint == '/'
          || codePoint == '_'
          || codePoint == '-'
          || codePoint == '\t';
    }
    int type = Character.getType(codePoint);
    if (Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || type == Character.FORMAT
        || type == Character.DASH_PUNCTUATION
        || codePoint == 0x2212) {
      return true;
    }
    String normalized = nfkc(codePoint);
    return normalized.length() == 1
        && normalized.charAt(0) < 128
        && isSeparator(normalized.charAt(0));
  }

  private static String nfkc(int codePoint) {
    return Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKC);
  }

  private static boolean[] uuidChars(String text) {
    boolean[] inUuid = new boolean[text.length()];
    Matcher uuid = UUID.matcher(text);
    while (uuid.find()) {
      for (int i = uuid.start(); i < uuid.end(); i++) {
        inUuid[i] = true;
      }
    }
    return inUuid;
  }
}
