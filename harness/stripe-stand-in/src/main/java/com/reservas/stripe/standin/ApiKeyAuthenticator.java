package com.reservas.stripe.standin;

import com.reservas.privacy.PersonalDataMasker;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Checks the {@code Authorization} header as Stripe's test mode does: a secret (or restricted) test
 * key, sent as a Bearer token or as the Basic-auth user name. Refusals carry Stripe's 401 texts.
 */
final class ApiKeyAuthenticator {

  private static final Pattern TEST_KEY = Pattern.compile("(sk|rk)_test_[A-Za-z0-9_]+");

  /**
   * Returns the API key of an accepted request.
   *
   * @throws StripeApiError a 401 when the key is missing, malformed or not a test key
   */
  String authenticate(String authorization) {
    String key = keyFrom(authorization);
    if (key == null || key.isBlank()) {
      throw StripeApiError.unauthenticated(
          "You did not provide an API key. You need to provide your API key in the Authorization"
              + " header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See"
              + " https://stripe.com/docs/api#authentication for details, or we can help at"
              + " https://support.stripe.com/.");
    }
    if (!TEST_KEY.matcher(key).matches()) {
      throw StripeApiError.unauthenticated(
          "Invalid API Key provided: "
              + PersonalDataMasker.standard().maskToken(key)
              + " (the Stripe stand-in accepts"
              + " only test-mode keys, sk_test_...)");
    }
    return key;
  }

  private static String keyFrom(String authorization) {
    if (authorization == null) {
      return null;
    }
    String value = authorization.trim();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return value.substring(7).trim();
    }
    if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
      } catch (IllegalArgumentException e) {
        return "";
      }
    }
    return "";
  }
}
