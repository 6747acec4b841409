package com.reservas.supplier.simulator.http;

/** A request body the API cannot accept; its message names the field and becomes the 400 body. */
final class InvalidRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  InvalidRequestException(String message) {
    super(message);
  }
}
