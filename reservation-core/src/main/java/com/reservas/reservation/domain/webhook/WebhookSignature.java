package com.reservas.reservation.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Reservas-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} where the
 * MAC is keyed with the endpoint's whole secret (its UTF-8 bytes, {@code whsec_} included) over
 * {@code "<t>.<raw body>"}. A receiver recomputes it over the body bytes as received and compares
 * in constant time, and refuses old timestamps (replays).
 */
public final class WebhookSignature {

  /** The header's name. */
  public static final String HEADER = "Reservas-Signature";

  private WebhookSignature() {}

  /** The header's value for {@code body} sent at {@code unixSeconds}. */
  public static String header(String secret, long unixSeconds, String body) {
    return "t=" + unixSeconds + ",v1=" + hex(secret, unixSeconds, body);
  }

  /** The hex MAC of {@code "<t>.<body>"} under {@code secret}. */
  public static String hex(String secret, long unixSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /**
   * Whether {@code header} signs {@code body} under {@code secret}: what a receiver does (the
   * timestamp's age is the receiver's own check).
   */
  public static boolean verifies(String secret, String header, String body) {
    long t = -1;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length == 2 && kv[0].equals("t") && kv[1].matches("[0-9]{1,12}")) {
        t = Long.parseLong(kv[1]);
      } else if (kv.length == 2 && kv[0].equals("v1")) {
        v1 = kv[1];
      }
    }
    if (t < 0 || v1 == null) {
      return false;
    }
    return MessageDigest.isEqual(
        hex(secret, t, body).getBytes(StandardCharsets.US_ASCII),
        v1.getBytes(StandardCharsets.US_ASCII));
  }
}
