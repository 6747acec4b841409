package com.reservas.schemas.seal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a secret field of an event for the one service that needs it. Every subscriber of a topic
 * reads every event, and so do its retry and dead-letter copies and the binlog copy of the outbox
 * row; sealing with AES-256-GCM under a key only the writers and that one reader hold leaves all
 * the others with ciphertext.
 *
 * <p>The sealed text names its key, so keys rotate without a stop: give the reader the new key,
 * then switch the writers to it, and drop the old key once the topic's retention has passed. The
 * context (the reservation code) is authenticated with the value, so a sealed value copied into
 * another reservation does not open.
 *
 * <p>Format: {@code v1.<keyId>.<base64url(12-byte nonce | ciphertext | 16-byte tag)>}.
 */
public final class TokenSeal {

  /** Length of every key, in bytes (AES-256). */
  public static final int KEY_BYTES = 32;

  private static final String FORMAT = "v1";
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String sealingKeyId;
  private final Map<String, SecretKey> keys;

  private TokenSeal(String sealingKeyId, Map<String, SecretKey> keys) {
    this.sealingKeyId = sealingKeyId;
    this.keys = keys;
  }

  /**
   * A seal that seals with {@code sealingKeyId} and opens with any of {@code keys}.
   *
   * @throws IllegalArgumentException if a key id is not 1–32 of {@code [A-Za-z0-9_-]}, a key is not
   *     {@value #KEY_BYTES} bytes, or {@code sealingKeyId} is not one of {@code keys}
   */
  public static TokenSeal of(String sealingKeyId, Map<String, byte[]> keys) {
    Map<String, SecretKey> secretKeys = new LinkedHashMap<>();
    keys.forEach(
        (id, key) -> {
          if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                "key id '" + id + "' is not 1-32 characters of [A-Za-z0-9_-]");
          }
          if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                "key '" + id + "' has " + key.length + " bytes, not " + KEY_BYTES);
          }
          secretKeys.put(id, new SecretKeySpec(key, "AES"));
        });
    if (!secretKeys.containsKey(sealingKeyId)) {
      throw new IllegalArgumentException(
          "the sealing key '" + sealingKeyId + "' is not among the keys " + secretKeys.keySet());
    }
    return new TokenSeal(sealingKeyId, Map.copyOf(secretKeys));
  }

  /**
   * A seal that seals with {@code sealingKey} and opens with it and {@code previousKeys}; each
   * key's id is derived from the key itself ({@link #keyIdOf}), so operators configure keys only.
   */
  public static TokenSeal withKeys(byte[] sealingKey, List<byte[]> previousKeys) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    keys.put(keyIdOf(sealingKey), sealingKey);
    previousKeys.forEach(key -> keys.putIfAbsent(keyIdOf(key), key));
    return of(keyIdOf(sealingKey), keys);
  }

  /**
   * The id a key goes by in sealed values: the first 8 characters of the base64url SHA-256 of the
   * key, which names it without revealing it.
   */
  public static String keyIdOf(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The ids of the keys this seal opens with. */
  public Set<String> keyIds() {
    return keys.keySet();
  }

  /** {@code value} sealed under the sealing key, bound to {@code context}. */
  public String seal(String context, String value) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.get(sealingKeyId), nonce, context, utf8(value));
    byte[] body = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    return FORMAT
        + "."
        + sealingKeyId
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
  }

  /**
   * The value {@link #seal} sealed with the same {@code context}.
   *
   * @throws TokenSealException if the text is not a sealed value, names a key this seal does not
   *     hold, or does not authenticate (altered, or sealed for another context)
   */
  public String open(String context, String sealed) {
    String[] parts = sealed.split("\\.", -1);
    if (parts.length != 3 || !FORMAT.equals(parts[0])) {
      throw new TokenSealException("not a sealed value of format " + FORMAT);
    }
    SecretKey key = keys.get(parts[1]);
    if (key == null) {
      throw new TokenSealException(
          "sealed with key '" + parts[1] + "', which is not among " + keys.keySet());
    }
    byte[] body;
    try {
      body = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new TokenSealException("the sealed value is not base64url", e);
    }
    if (body.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new TokenSealException("the sealed value is too short");
    }
    byte[] nonce = new byte[NONCE_BYTES];
    byte[] ciphertext = new byte[body.length - NONCE_BYTES];
    ByteBuffer.wrap(body).get(nonce).get(ciphertext);
    return new String(
        crypt(Cipher.DECRYPT_MODE, key, nonce, context, ciphertext), StandardCharsets.UTF_8);
  }

  private static byte[] crypt(int mode, SecretKey key, byte[] nonce, String context, byte[] in) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(utf8(context));
      return cipher.doFinal(in);
    } catch (GeneralSecurityException e) {
      throw new TokenSealException("the sealed value does not authenticate under its key", e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
