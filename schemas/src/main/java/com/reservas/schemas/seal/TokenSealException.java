package com.reservas.schemas.seal;

/** A sealed value that cannot be opened: malformed, under an unknown key, or altered. */
public final class TokenSealException extends RuntimeException {

  TokenSealException(String message) {
    super(message);
  }

  TokenSealException(String message, Throwable cause) {
    super(message, cause);
  }
}
