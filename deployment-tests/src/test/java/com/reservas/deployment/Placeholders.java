package com.reservas.deployment;

import java.util.regex.Pattern;

/** What a committed secret value may look like: an obvious placeholder, never a live key. */
final class Placeholders {

  /** change-me..., REPLACE_..., or a Stripe test key that says change_me. */
  static final Pattern PLACEHOLDER =
      Pattern.compile("(?i)(change[-_]me.*|replace_.*|sk_test_change_me)");

  /** Live Stripe keys (secret and restricted). */
  static final Pattern LIVE_KEY = Pattern.compile("(sk|rk)_live_[0-9A-Za-z]{8,}");

  private Placeholders() {}
}
