package com.reservas.starter.seal;

import com.reservas.schemas.seal.TokenSeal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys that seal the payment-method token in reservation events ({@code
 * reservas.events.token-seal.*}; docs/SECURITY.md). The reservation API and the status projector
 * seal with {@code key}; the payment consumer opens with {@code key} and {@code previous-keys}.
 * Outside the {@code local} profile a service that needs a key does not start without one; the
 * {@code local} profile falls back to a published key, which is refused everywhere else.
 *
 * @param key 32 random bytes in base64 ({@code openssl rand -base64 32}), the same in the three
 *     services
 * @param previousKeys keys being rotated out: the payment consumer still opens what they sealed
 */
@ConfigurationProperties("reservas.events.token-seal")
public record TokenSealProperties(
    @DefaultValue("") String key, @DefaultValue List<String> previousKeys) {

  static final String KEY_PROPERTY = "reservas.events.token-seal.key";
  static final String PREVIOUS_KEYS_PROPERTY = "reservas.events.token-seal.previous-keys";

  /** The published key of the {@code local} profile: anyone can open what it seals. */
  static final byte[] LOCAL_KEY = sha256("reservas local token seal, published in the README");

  /**
   * The seal these settings describe.
   *
   * @param local whether the {@code local} profile is active
   * @throws IllegalStateException naming the property at fault
   */
  public TokenSeal toSeal(boolean local) {
    if (key.isBlank()) {
      if (local) {
        return TokenSeal.withKeys(LOCAL_KEY, List.of());
      }
      throw new IllegalStateException(
          KEY_PROPERTY
              + " is not set: the reservation API, the status projector and the payment consumer"
              + " need the same 256-bit key to seal the payment-method token in events (openssl"
              + " rand -base64 32); see docs/SECURITY.md");
    }
    List<byte[]> previous = new ArrayList<>();
    for (int i = 0; i < previousKeys.size(); i++) {
      previous.add(decode(PREVIOUS_KEYS_PROPERTY + "[" + i + "]", previousKeys.get(i), local));
    }
    return TokenSeal.withKeys(decode(KEY_PROPERTY, key, local), previous);
  }

  private static byte[] decode(String property, String text, boolean local) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(text.strip().replace('-', '+').replace('_', '/'));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(property + " is not base64", e);
    }
    if (decoded.length != TokenSeal.KEY_BYTES) {
      throw new IllegalStateException(
          property
              + " has "
              + decoded.length
              + " bytes; it must be "
              + TokenSeal.KEY_BYTES
              + " random bytes in base64 (openssl rand -base64 32)");
    }
    if (!local && Arrays.equals(decoded, LOCAL_KEY)) {
      throw new IllegalStateException(
          property + " is the local profile's published key; outside it use a random key");
    }
    return decoded;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
