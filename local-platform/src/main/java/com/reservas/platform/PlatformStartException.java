package com.reservas.platform;

/** The platform cannot start for a reason the user can fix; the message says how. */
class PlatformStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PlatformStartException(String message) {
    super(message);
  }

  PlatformStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
