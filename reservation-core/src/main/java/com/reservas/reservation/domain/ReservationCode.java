package com.reservas.reservation.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The public identifier customers quote: short enough to read over the phone, random enough that
 * codes cannot be guessed. Codes are exact: lower-case input is a different (invalid) code.
 */
public record ReservationCode(String value) {

  public static final int LENGTH = 8;
  public static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{" + LENGTH + "}");

  public ReservationCode {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("A reservation code is 8 characters from [A-Z0-9]");
    }
  }

  /** Parses a code taken from outside (a URL path, an event); empty when it is not a valid code. */
  public static Optional<ReservationCode> parse(String raw) {
    return raw != null && FORMAT.matcher(raw).matches()
        ? Optional.of(new ReservationCode(raw))
        : Optional.empty();
  }

  /** Draws a code uniformly from the alphabet; pass a cryptographically strong generator. */
  public static ReservationCode random(RandomGenerator random) {
    char[] chars = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new ReservationCode(new String(chars));
  }

  @Override
  public String toString() {
    return value;
  }
}
