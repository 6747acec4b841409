package com.reservas.provider.adapter.in.kafka;

import com.reservas.consumer.support.loop.UnprocessableEventException;

/**
 * A reservation event whose snapshot cannot be read (e.g. a date-time that is not ISO-8601). Not
 * retried: it goes straight to the dead-letter topic.
 */
public final class MalformedReservationEventException extends UnprocessableEventException {

  private static final long serialVersionUID = 1L;

  MalformedReservationEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
