package com.reservas.testsupport.seal;

import com.reservas.schemas.seal.TokenSeal;
import java.util.Base64;
import java.util.List;

/**
 * The token seal of tests that run a writer or the payment consumer outside the {@code local}
 * profile, and that build sealed events themselves: one fixed key, shared by every test.
 */
public final class TestTokenSeal {

  /** The test key, 32 bytes in base64. */
  public static final String KEY = "Xl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl4=";

  /** The Spring property that gives a service the test key. */
  public static final String PROPERTY = "reservas.events.token-seal.key=" + KEY;

  /** The Spring property that gives a service the test key for webhook secrets. */
  public static final String WEBHOOK_KEY_PROPERTY = "reservas.webhooks.secret-key=" + KEY;

  /** Seals and opens with the test key. */
  public static final TokenSeal SEAL =
      TokenSeal.withKeys(Base64.getDecoder().decode(KEY), List.of());

  private TestTokenSeal() {}
}
