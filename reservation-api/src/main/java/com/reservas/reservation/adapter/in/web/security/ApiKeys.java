package com.reservas.reservation.adapter.in.web.security;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * New API keys: {@value #PREFIX} and 32 random bytes (256 bits) in URL-safe Base64. The prefix
 * makes a leaked key recognisable to secret scanners; the server only ever stores its keyed hash.
 */
public final class ApiKeys {

  public static final String PREFIX = "rsv_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
