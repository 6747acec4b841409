package com.reservas.reservation.adapter.in.web.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * API keys are stored as HMAC-SHA-256 under a server-side secret (a "pepper"): a stolen table does
 * not reveal keys, and without the secret it cannot be brute-forced offline. A keyed hash rather
 * than a slow one, because it is computed on every request; keys are long and random.
 */
public final class ApiKeyHasher {

  private final SecretKeySpec secret;

  public ApiKeyHasher(String pepper) {
    if (pepper == null || pepper.length() < 16) {
      throw new IllegalArgumentException("reservas.security.api-key-pepper needs 16+ characters");
    }
    this.secret = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String hash(String apiKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      return HexFormat.of().formatHex(mac.doFinal(apiKey.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
    }
  }
}
