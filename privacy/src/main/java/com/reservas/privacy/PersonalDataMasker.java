package com.reservas.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that knows how personal data and secrets are masked (docs/spec.md §7): logs, audit
 * details and the recorded payloads of external calls all go through it, so they cannot disagree.
 *
 * <p>Field-level methods mask a value whose kind is known ({@link #maskEmail}, {@link #maskPhone},
 * {@link #maskName}, {@link #maskToken}); {@link #maskCardNumbers} and {@link #maskText} find
 * sensitive values inside free text, JSON and form-encoded bodies. Every method is null-safe
 * (returns {@code null} for {@code null}) and idempotent (masking masked output changes nothing).
 *
 * <p>What {@link #maskText} masks, in this order:
 *
 * <ol>
 *   <li>values of JSON fields ({@code "email": "..."}, also inside escaped JSON) and of {@code
 *       key=value} / {@code key: value} pairs whose key names personal data or a secret:
 *       first/last/ full name, name, email, phone/mobile/tel, payment_method / paymentMethodToken,
 *       token, cvc/cvv, number / card_number / pan, authorization, api-key, secret / client_secret,
 *       password (see {@link #SENSITIVE_KEYS});
 *   <li>Stripe secrets ({@code sk_live_}, {@code sk_test_}, {@code rk_...}, {@code whsec_}, {@code
 *       pi_..._secret_...}), PaymentMethod and card tokens ({@code pm_}, {@code tok_}, {@code
 *       src_}) and {@code Bearer}/{@code Basic} credentials;
 *   <li>card numbers: Luhn-valid runs of 13–19 digits in any script, with any separators ({@link
 *       CardNumbers});
 *   <li>e-mail addresses (also URL-encoded, {@code %40});
 *   <li>phone numbers: international ({@code +34 600 111 222}, {@code 0034...}), grouped ({@code
 *       600-111-222}, {@code (555) 123-4567}) or 9–15 bare digits. Dates, decimals, parts of ids,
 *       whole canonical UUIDs and JSON numbers ({@code "created": 1732831804}) are left alone.
 * </ol>
 *
 * <p>Stateless and thread-safe; use {@link #standard()}.
 */
public final class PersonalDataMasker {

  /** What a card number is replaced with. */
  public static final String CARD_PLACEHOLDER = "[card]";

  /** What a value that shows nothing of itself is replaced with. */
  public static final String HIDDEN = "***";

  private static final String TOKEN_STARS = "****";

  /**
   * Keys (case-insensitive; {@code _} and {@code -} ignored) whose values are masked wherever they
   * appear as a JSON field or a {@code key=value} pair.
   */
  public static final Set<String> SENSITIVE_KEYS =
      Set.of(
          "firstname",
          "lastname",
          "fullname",
          "givenname",
          "familyname",
          "surname",
          "name",
          "email",
          "emailaddress",
          "phone",
          "phonenumber",
          "mobile",
          "tel",
          "telephone",
          "paymentmethod",
          "paymentmethodtoken",
          "token",
          "accesstoken",
          "refreshtoken",
          "cvc",
          "cvv",
          "cvc2",
          "cvv2",
          "securitycode",
          "number",
          "cardnumber",
          "pan",
          "authorization",
          "apikey",
          "xapikey",
          "secret",
          "clientsecret",
          "secretkey",
          "password");

  private static final PersonalDataMasker STANDARD = new PersonalDataMasker(true);

  private static final String KEY = "[A-Za-z][A-Za-z0-9_\\-]{1,40}";

  /** {@code "key" : "value"} or {@code "key": 123}. */
  private static final Pattern JSON_FIELD =
      Pattern.compile(
          "\"(" + KEY + ")\"(\\s*:\\s*)(\"((?:[^\"\\\\]|\\\\.)*)\"|-?\\d[\\d.eE+\\-]*)");

  /** The same inside a JSON document escaped into a JSON string: {@code \"key\":\"value\"}. */
  private static final Pattern ESCAPED_JSON_FIELD =
      Pattern.compile("\\\\\"(" + KEY + ")\\\\\"(\\s*:\\s*)(\\\\\"(.*?)\\\\\"|-?\\d[\\d.eE+\\-]*)");

  /** {@code key=value} (form bodies, query strings, logs), also {@code card[number]=...}. */
  private static final Pattern KEY_VALUE =
      Pattern.compile(
          "(?<![A-Za-z0-9_\\[\\]\"\\\\])((?:[A-Za-z0-9_]+\\[)?("
              + KEY
              + ")\\]?)(=|:[ \\t]*)([^\\s&,;\"'}\\]\\[]+)");

  /**
   * A name in {@code key=value} or {@code key: value} form, which may have several words ({@code
   * lastName=García Núñez}): the value runs over spaces until the next {@code key=} or a character
   * that is not part of a name. Only name keys are masked this way ({@link Kind#NAME}).
   */
  private static final Pattern NAME_KEY_VALUE =
      Pattern.compile(
          "(?<![A-Za-z0-9_\\[\\]\"\\\\])((?:[A-Za-z0-9_]+\\[)?("
              + KEY
              + ")\\]?)(=|:[ \\t]*)([\\p{L}\\p{M}][\\p{L}\\p{M}'’.\\-]*"
              + "(?: (?![\\p{L}\\p{M}0-9_\\-]+(?:=|:))[\\p{L}\\p{M}][\\p{L}\\p{M}'’.\\-]*)*)");

  private static final Pattern STRIPE_SECRET =
      Pattern.compile(
          "(?<![A-Za-z0-9])(?:(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9_]+|rk_[A-Za-z0-9_]+"
              + "|whsec_[A-Za-z0-9_]+|(?:pi|seti)_[A-Za-z0-9]+_secret_[A-Za-z0-9]+)");

  private static final Pattern PAYMENT_TOKEN =
      Pattern.compile("(?<![A-Za-z0-9])(?:pm|tok|src)_[A-Za-z0-9_]+");

  private static final Pattern CREDENTIAL =
      Pattern.compile("(?i)\\b(Bearer|Basic)(\\s+)[A-Za-z0-9._~+/=\\-]{6,}");

  /** A canonical UUID: an identifier (event ids, idempotency keys), never a phone or a card. */
  private static final Pattern UUID =
      Pattern.compile(
          "(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])");

  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![A-Za-z0-9._%+\\-])([A-Za-z0-9._%+\\-]+)(@|%40)"
              + "([A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,})");

  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![A-Za-z0-9_.\\-/+])(?:(?:\\+|00)\\d{1,3}[ .\\-]?)?(?:\\(\\d{1,4}\\)[ .\\-]?)?"
              + "\\d{1,4}(?:[ .\\-]?\\d{1,4}){1,5}(?![A-Za-z0-9_])");

  private static final Pattern DATE_LIKE =
      Pattern.compile("\\d{4}[\\-/.]\\d{1,2}[\\-/.]\\d{1,2}|\\d{1,2}[\\-/.]\\d{1,2}[\\-/.]\\d{4}");

  private static final Pattern TOKEN_PREFIX =
      Pattern.compile("^((?:sk|rk|pk)_(?:live|test)_|[a-z]{2,6}_)");

  /** Whether {@link #maskText} skips the patterns a text cannot match (see {@link #maskText}). */
  private final boolean shortcuts;

  private PersonalDataMasker(boolean shortcuts) {
    this.shortcuts = shortcuts;
  }

  /** The same rules without the shortcuts: the reference the shortcuts are tested against. */
  static PersonalDataMasker withoutShortcuts() {
    return new PersonalDataMasker(false);
  }

  /** The masker; stateless, so one instance serves everybody. */
  public static PersonalDataMasker standard() {
    return STANDARD;
  }

  /**
   * {@code ana.garcia@example.com} → {@code a***@example.com}: the first character of the local
   * part and the domain survive. Something without {@code @} becomes {@value #HIDDEN}.
   */
  public String maskEmail(String email) {
    if (email == null) {
      return null;
    }
    String separator = "@";
    int at = email.lastIndexOf('@');
    if (at < 0) {
      at = email.toLowerCase(Locale.ROOT).lastIndexOf("%40");
      separator = "%40";
    }
    if (at < 0) {
      return HIDDEN;
    }
    String local = email.substring(0, at);
    String domain = email.substring(at + separator.length());
    return initialOf(local) + HIDDEN + "@" + domain;
  }

  /**
   * {@code +34 600 111 222} → {@code ***222}: only the last three digits survive (the last two for
   * numbers shorter than nine digits); fewer than five digits become {@value #HIDDEN}.
   */
  public String maskPhone(String phone) {
    if (phone == null || phone.startsWith(HIDDEN)) {
      return phone;
    }
    String digits = phone.replaceAll("\\D", "");
    if (digits.length() < 5) {
      return HIDDEN;
    }
    int keep = digits.length() >= 9 ? 3 : 2;
    return HIDDEN + digits.substring(digits.length() - keep);
  }

  /** {@code García Núñez} → {@code G*** N***}: the first letter of each word survives. */
  public String maskName(String name) {
    if (name == null || name.isBlank()) {
      return name;
    }
    StringBuilder masked = new StringBuilder();
    for (String word : name.strip().split("[\\s+]+")) {
      if (!masked.isEmpty()) {
        masked.append(' ');
      }
      masked.append(initialOf(word)).append(HIDDEN);
    }
    return masked.toString();
  }

  /**
   * Tokens and keys keep their prefix and, when long enough to stay secret, their last four
   * characters: {@code pm_card_visa} → {@code pm_****visa}, {@code sk_test_51H...abcd} → {@code
   * sk_test_****abcd}, {@code pi_123_secret_456} → {@code pi_****_456}... A value without a known
   * prefix keeps its last four characters if it has at least twelve, else becomes {@code ****}.
   */
  public String maskToken(String token) {
    if (token == null) {
      return null;
    }
    Matcher prefixMatcher = TOKEN_PREFIX.matcher(token);
    String prefix = prefixMatcher.find() ? prefixMatcher.group(1) : "";
    String body = token.substring(prefix.length());
    if (body.startsWith(TOKEN_STARS) || body.equals(HIDDEN)) {
      return token;
    }
    int minimumToShowTail = prefix.isEmpty() ? 12 : 8;
    if (body.length() < minimumToShowTail) {
      return prefix + TOKEN_STARS;
    }
    return prefix + TOKEN_STARS + body.substring(body.length() - 4);
  }

  /**
   * Replaces every card number with {@value #CARD_PLACEHOLDER}: a Luhn-valid run of 13–19 digits in
   * any script (after NFKC), with any separators between them ({@link CardNumbers}, the same rule
   * the API refuses input by). When a whole run is not a card, its 13–19 digit windows are checked
   * too, so a card next to other digits ({@code 12 4242 4242 4242 4242}) is still found; the price
   * is that a long non-card number sometimes loses a Luhn-valid part of itself.
   */
  public String maskCardNumbers(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return CardNumbers.mask(text, CARD_PLACEHOLDER);
  }

  /**
   * Request parameters for a log line when only some of them are known to be harmless: an
   * allow-list, for requests whose free fields (Stripe's {@code metadata[...]} and {@code
   * description}) may hold anything. The values of keys {@code shownInClear} accepts stay as they
   * are; a sensitive key's value ({@link #SENSITIVE_KEYS}) is masked by its kind, so a {@code
   * payment_method} keeps its prefix and tail; every other value is {@value #HIDDEN}. Written as
   * {@code {key=value, ...}} in the given order.
   */
  public String maskParameters(
      List<Map.Entry<String, String>> parameters, Predicate<String> shownInClear) {
    StringBuilder masked = new StringBuilder("{");
    for (Map.Entry<String, String> parameter : parameters) {
      if (masked.length() > 1) {
        masked.append(", ");
      }
      String key = parameter.getKey();
      String value = parameter.getValue();
      Kind kind = Kind.of(key);
      masked.append(key).append('=');
      if (shownInClear.test(key)) {
        masked.append(value);
      } else if (kind == Kind.NONE || value == null) {
        masked.append(HIDDEN);
      } else {
        masked.append(kind.mask(this, value));
      }
    }
    return masked.append('}').toString();
  }

  /**
   * Masks every piece of personal data or secret this class can recognise in free text, JSON or a
   * form-encoded body (see the class comment for the rules and their order). Text that is not
   * sensitive is left as it is.
   */
  public String maskText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String masked = replaceAll(text, JSON_FIELD, m -> maskJsonField(m, "\""));
    if (mayMatch(masked.contains("\\\""))) {
      masked = replaceAll(masked, ESCAPED_JSON_FIELD, m -> maskJsonField(m, "\\\""));
    }
    if (mayMatch(containsIgnoreCase(masked, "bearer") || containsIgnoreCase(masked, "basic"))) {
      masked = replaceAll(masked, CREDENTIAL, m -> m.group(1) + m.group(2) + TOKEN_STARS);
    }
    if (mayMatch(hasSensitiveKeyBeforeSeparator(masked))) {
      masked = replaceAll(masked, NAME_KEY_VALUE, this::maskNameKeyValue);
      masked = replaceAll(masked, KEY_VALUE, this::maskKeyValue);
    }
    if (mayMatch(masked.indexOf('_') >= 0)) {
      masked = replaceInRuns(masked, STRIPE_SECRET, TOKEN_RUN, m -> maskToken(m.group()));
      masked = replaceInRuns(masked, PAYMENT_TOKEN, TOKEN_RUN, m -> maskToken(m.group()));
    }
    masked =
        shortcuts ? maskCardNumbers(masked) : CardNumbers.maskEveryRun(masked, CARD_PLACEHOLDER);
    if (mayMatch(masked.indexOf('@') >= 0 || containsIgnoreCase(masked, "%40"))) {
      masked =
          replaceInRuns(
              masked, EMAIL, EMAIL_RUN, m -> initialOf(m.group(1)) + HIDDEN + "@" + m.group(3));
    }
    return outsideUuids(masked, this::maskPhones);
  }

  private boolean mayMatch(boolean necessaryConditionHolds) {
    return necessaryConditionHolds || !shortcuts;
  }

  /*
   * The checks above are shortcuts, not rules: each pattern is skipped only when the text lacks
   * something every one of its matches contains (a quote, "@", "_", a sensitive key before "=" or
   * ":"), so the result is the same as running every pattern, at a fraction of the cost on the
   * large JSON bodies of recorded calls (docs/performance.md).
   */

  /**
   * Masks the phone numbers in {@code text}: every match of {@link #PHONE} lies inside a run of
   * phone characters (digits, spaces, {@code . - ( ) +}), and one with fewer than seven digits is
   * never masked.
   */
  private String maskPhones(String text) {
    return replaceInRuns(text, PHONE, PHONE_RUN, m -> maskPhoneCandidate(m, text));
  }

  /**
   * {@code pattern}'s matches in {@code text}, each replaced by {@code mask}'s answer, found only
   * inside the maximal runs of characters the {@code run} accepts, and only in runs it says may
   * hold a match. Every match of the pattern must consist of such characters (the lookarounds still
   * see the whole text): the answer is then {@link #replaceAll}'s, which the masker without
   * shortcuts runs instead. Regular expressions that start with a lookbehind are tried at every
   * position of the text; a 2 KB Stripe body took 0.4 ms to mask before the runs.
   */
  private String replaceInRuns(
      String text, Pattern pattern, CharacterRun run, Function<Matcher, String> mask) {
    if (!shortcuts) {
      return replaceAll(text, pattern, mask);
    }
    Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    StringBuilder result = null;
    int copied = 0;
    int end = 0;
    while (end < text.length()) {
      int start = end;
      while (start < text.length() && !run.accepts(text.charAt(start))) {
        start++;
      }
      end = start;
      while (end < text.length() && run.accepts(text.charAt(end))) {
        end++;
      }
      if (start == end || !run.mayMatch(text, start, end)) {
        continue;
      }
      matcher.region(start, end);
      while (matcher.find()) {
        String replacement = mask.apply(matcher);
        if (!replacement.equals(matcher.group())) {
          result = result == null ? new StringBuilder(text.length()) : result;
          result.append(text, copied, matcher.start()).append(replacement);
          copied = matcher.end();
        }
      }
    }
    return result == null ? text : result.append(text, copied, text.length()).toString();
  }

  /**
   * The characters every match of a pattern consists of (all ASCII), and what a run of them needs
   * to hold one.
   */
  private record CharacterRun(boolean[] ascii, RunCondition mayHold) {

    static CharacterRun of(String characters, RunCondition mayHold) {
      boolean[] ascii = new boolean[128];
      characters.chars().forEach(c -> ascii[c] = true);
      return new CharacterRun(ascii, mayHold);
    }

    boolean accepts(char c) {
      return c < 128 && ascii[c];
    }

    boolean mayMatch(String text, int start, int end) {
      return mayHold.test(text, start, end);
    }
  }

  private interface RunCondition {
    boolean test(String text, int start, int end);
  }

  private static final String DIGITS = "0123456789";
  private static final String LETTERS_AND_DIGITS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" + DIGITS;

  /** Phone numbers: digits, spaces, {@code . - ( ) +}; at least seven digits. */
  private static final CharacterRun PHONE_RUN =
      CharacterRun.of(
          DIGITS + " .-()+",
          (text, start, end) -> {
            int digits = 0;
            for (int i = start; i < end && digits < 7; i++) {
              char c = text.charAt(i);
              digits += c >= '0' && c <= '9' ? 1 : 0;
            }
            return digits >= 7;
          });

  /** Stripe secrets and payment tokens: letters, digits and {@code _}, with a {@code _}. */
  private static final CharacterRun TOKEN_RUN =
      CharacterRun.of(
          LETTERS_AND_DIGITS + "_",
          (text, start, end) -> {
            int underscore = text.indexOf('_', start);
            return underscore >= 0 && underscore < end;
          });

  /** E-mail addresses: their local part, {@code @} or {@code %40}, and their domain. */
  private static final CharacterRun EMAIL_RUN =
      CharacterRun.of(
          LETTERS_AND_DIGITS + ".-_%+@",
          (text, start, end) -> {
            String run = text.substring(start, end);
            return run.indexOf('@') >= 0 || run.contains("%40");
          });

  /** Canonical UUIDs: 36 hexadecimal digits and dashes. */
  private static final CharacterRun UUID_RUN =
      CharacterRun.of(DIGITS + "abcdefABCDEF-", (text, start, end) -> end - start == 36);

  /**
   * Whether a key {@link Kind#of} would mask ends right before an {@code =} or {@code :} (past an
   * optional {@code ]}): the only places {@link #KEY_VALUE} and {@link #NAME_KEY_VALUE} match.
   */
  private static boolean hasSensitiveKeyBeforeSeparator(String text) {
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '=' && c != ':') {
        continue;
      }
      int end = text.charAt(i - 1) == ']' ? i - 1 : i;
      int start = end;
      while (start > 0 && isKeyChar(text.charAt(start - 1))) {
        start--;
      }
      if (start < end && endsWithSensitiveKey(text.substring(start, end))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isKeyChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-';
  }

  private static boolean endsWithSensitiveKey(String key) {
    String normalized = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    for (String sensitive : SENSITIVE_KEYS) {
      if (normalized.endsWith(sensitive)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code text} contains the lower-case ASCII {@code part}, ignoring case. */
  private static boolean containsIgnoreCase(String text, String part) {
    char first = part.charAt(0);
    char firstUpper = Character.toUpperCase(first);
    for (int i = 0; i + part.length() <= text.length(); i++) {
      char c = text.charAt(i);
      if ((c == first || c == firstUpper) && text.regionMatches(true, i, part, 0, part.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Applies {@code mask} to the text between canonical UUIDs and keeps the UUIDs as they are: their
   * all-digit groups would otherwise look like phone numbers or, now and then, card numbers.
   */
  private String outsideUuids(String text, UnaryOperator<String> mask) {
    List<int[]> uuids = new ArrayList<>();
    replaceInRuns(
        text,
        UUID,
        UUID_RUN,
        uuid -> {
          uuids.add(new int[] {uuid.start(), uuid.end()});
          return uuid.group();
        });
    if (uuids.isEmpty()) {
      return mask.apply(text);
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    for (int[] uuid : uuids) {
      out.append(mask.apply(text.substring(from, uuid[0]))).append(text, uuid[0], uuid[1]);
      from = uuid[1];
    }
    return out.append(mask.apply(text.substring(from))).toString();
  }

  private String maskJsonField(Matcher field, String quote) {
    String key = field.group(1);
    Kind kind = Kind.of(key);
    if (kind == Kind.NONE) {
      return field.group();
    }
    String quotedValue = field.group(4);
    String value = quotedValue != null ? quotedValue : field.group(3);
    String masked = kind.mask(this, value);
    return quote + key + quote + field.group(2) + quote + masked + quote;
  }

  private String maskNameKeyValue(Matcher pair) {
    if (Kind.of(pair.group(2)) != Kind.NAME) {
      return pair.group();
    }
    return pair.group(1) + pair.group(3) + maskName(pair.group(4));
  }

  private String maskKeyValue(Matcher pair) {
    Kind kind = Kind.of(pair.group(2));
    if (kind == Kind.NONE) {
      return pair.group();
    }
    return pair.group(1) + pair.group(3) + kind.mask(this, pair.group(4));
  }

  private String maskPhoneCandidate(Matcher candidate, String text) {
    String value = candidate.group();
    String digits = value.replaceAll("\\D", "");
    if (digits.length() < 7 || digits.length() > 15 || DATE_LIKE.matcher(value).matches()) {
      return value;
    }
    boolean international = value.startsWith("+") || value.startsWith("00");
    boolean grouped = digits.length() != value.length();
    if (!international && !grouped && digits.length() < 9) {
      return value;
    }
    if (!international && !grouped && isJsonNumber(candidate, text)) {
      return value;
    }
    return maskPhone(value);
  }

  /** A bare number right after {@code ":"} and before {@code , } ]} or the end is a JSON number. */
  private static boolean isJsonNumber(Matcher candidate, String text) {
    int before = candidate.start() - 1;
    while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
      before--;
    }
    if (before < 0 || text.charAt(before) != ':') {
      return false;
    }
    int after = candidate.end();
    while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
      after++;
    }
    return after == text.length() || ",}]".indexOf(text.charAt(after)) >= 0;
  }

  private static String initialOf(String value) {
    if (value.isEmpty()) {
      return "";
    }
    int first = value.codePointAt(0);
    return Character.isLetterOrDigit(first) ? new String(Character.toChars(first)) : "";
  }

  private static String replaceAll(String text, Pattern pattern, Function<Matcher, String> mask) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      return text;
    }
    StringBuilder result = new StringBuilder(text.length());
    do {
      matcher.appendReplacement(result, Matcher.quoteReplacement(mask.apply(matcher)));
    } while (matcher.find());
    matcher.appendTail(result);
    return result.toString();
  }

  /** How the value of a sensitive key is masked. */
  private enum Kind {
    NONE,
    NAME,
    EMAIL,
    PHONE,
    CARD,
    HIDDEN_VALUE,
    TOKEN;

    static Kind of(String key) {
      String normalized = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
      if (!SENSITIVE_KEYS.contains(normalized)) {
        return NONE;
      }
      return switch (normalized) {
        case "firstname", "lastname", "fullname", "givenname", "familyname", "surname", "name" ->
            NAME;
        case "email", "emailaddress" -> EMAIL;
        case "phone", "phonenumber", "mobile", "tel", "telephone" -> PHONE;
        case "number", "cardnumber", "pan" -> CARD;
        case "cvc", "cvv", "cvc2", "cvv2", "securitycode", "password" -> HIDDEN_VALUE;
        default -> TOKEN;
      };
    }

    String mask(PersonalDataMasker masker, String value) {
      if (value.isEmpty() || value.equals("null")) {
        return value;
      }
      return switch (this) {
        case NONE -> value;
        case NAME -> masker.maskName(value);
        case EMAIL -> masker.maskEmail(value);
        case PHONE -> masker.maskPhone(value);
        case CARD ->
            value.equals(CARD_PLACEHOLDER) || value.chars().anyMatch(Character::isDigit)
                ? CARD_PLACEHOLDER
                : PersonalDataMasker.HIDDEN;
        case HIDDEN_VALUE -> PersonalDataMasker.HIDDEN;
        case TOKEN -> masker.maskToken(value);
      };
    }
  }
}
