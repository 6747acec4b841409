package com.reservas.projector.adapter.in.kafka;

import com.reservas.consumer.support.kafka.NonRetryableEventException;

/** An event type on an outcome topic that this projector does not know: not retried. */
public class UnknownOutcomeException extends NonRetryableEventException {
  private static final long serialVersionUID = 1L;

  UnknownOutcomeException(String type) {
    super("No outcome is known for event type " + type);
  }
}
