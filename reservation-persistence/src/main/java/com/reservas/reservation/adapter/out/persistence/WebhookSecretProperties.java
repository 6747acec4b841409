package com.reservas.reservation.adapter.out.persistence;

import com.reservas.schemas.seal.TokenSeal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key that seals webhook secrets at rest ({@code reservas.webhooks.secret-key}, 32 random bytes
 * in base64: {@code openssl rand -base64 32}); the same in the API (which seals) and the
 * notification dispatcher (which opens to sign). Its own key, not the payment token's: the
 * dispatcher holds nothing that opens card tokens. Outside the {@code local} profile a service does
 * not start without it; the {@code local} profile falls back to a published key.
 */
@ConfigurationProperties("reservas.webhooks")
public record WebhookSecretProperties(@DefaultValue("") String secretKey) {

  static final String KEY_PROPERTY = "reservas.webhooks.secret-key";

  /** The seal these settings describe; {@code local}: whether the local profile is active. */
  public TokenSeal toSeal(boolean local) {
    if (secretKey.isBlank()) {
      if (local) {
        return TokenSeal.withKeys(sha256("reservas local webhook secrets, published"), List.of());
      }
      throw new IllegalStateException(
          KEY_PROPERTY
              + " is not set: the reservation API and the notification dispatcher need the same"
              + " 256-bit key to keep webhook secrets sealed (openssl rand -base64 32)");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(secretKey.strip().replace('-', '+').replace('_', '/'));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(KEY_PROPERTY + " is not base64", e);
    }
    if (key.length != TokenSeal.KEY_BYTES) {
      throw new IllegalStateException(
          KEY_PROPERTY + " has " + key.length + " bytes, not " + TokenSeal.KEY_BYTES);
    }
    return TokenSeal.withKeys(key, List.of());
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
