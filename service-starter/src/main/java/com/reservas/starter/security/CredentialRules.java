package com.reservas.starter.security;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a secret of a deployed service must look like: at least {@value #MIN_LENGTH} characters, at
 * least {@value #MIN_DISTINCT_CHARACTERS} different ones, and none of the words placeholders are
 * made of ({@code change-me}, {@code replace}, {@code example}, {@code local-}...). It cannot prove
 * randomness; it refuses the values that are certainly not random. The {@code local} profile is
 * exempt: its credentials are published in the README on purpose.
 */
public final class CredentialRules {

  public static final int MIN_LENGTH = 32;
  public static final int MIN_DISTINCT_CHARACTERS = 10;

  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "(?i)(change[-_ .]?me|replace|placeholder|example|not[-_ ]?for[-_ ]?production"
              + "|dummy|default|todo|secret-here|token-here|^local[-_])");

  private CredentialRules() {}

  /** Why {@code value} is not acceptable as a secret, or empty when it is. */
  public static Optional<String> weakness(String value) {
    if (value.length() < MIN_LENGTH) {
      return Optional.of("is shorter than " + MIN_LENGTH + " characters");
    }
    if (value.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
      return Optional.of("has fewer than " + MIN_DISTINCT_CHARACTERS + " different characters");
    }
    if (PLACEHOLDER.matcher(value).find()) {
      return Optional.of("is a placeholder, not a random secret");
    }
    return Optional.empty();
  }

  /**
   * Throws, naming {@code property}, when {@code value} (non-blank) is not acceptable.
   *
   * @throws IllegalStateException with a message that says which property and why
   */
  public static void require(String property, String value) {
    weakness(value)
        .ifPresent(
            why ->
                failStart(
                    property
                        + " "
                        + why
                        + ". Outside the local profile every credential must be "
                        + MIN_LENGTH
                        + "+ random characters (e.g. openssl rand -base64 48); see"
                        + " docs/SECURITY.md."));
  }

  static void failStart(String message) {
    throw new IllegalStateException(message);
  }
}
