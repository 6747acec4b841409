package com.reservas.notification.adapter.out.http;

/** A webhook URL whose host is, or resolves to, an address the dispatcher never calls. */
final class ForbiddenAddressException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ForbiddenAddressException(String host) {
    super("refused: " + host + " is or resolves to a loopback, private or link-local address");
  }
}
