package com.reservas.projector.adapter.in.kafka;

/**
 * An outcome that arrived before the step it answers was recorded (the two outcome topics are not
 * ordered with each other). Thrown so the container redelivers it after a pause, by which time the
 * reservation has caught up.
 */
class PrematureOutcomeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PrematureOutcomeException(String eventType, String reservationCode) {
    super(eventType + " for " + reservationCode + " came early; it will be applied again");
  }
}
