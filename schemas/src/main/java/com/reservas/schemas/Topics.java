package com.reservas.schemas;

/**
 * Names of the Kafka topics the platform publishes events to. Every topic is keyed by reservation
 * code, so one reservation's events stay in order. Kept here, next to the schemas, so producers and
 * consumers cannot disagree on a name.
 */
public final class Topics {

  /** Facts about a reservation: created, status changed, cancelled. */
  public static final String RESERVATIONS = "reservations.events";

  /** Outcomes of the payment consumer: authorization started, authorized, declined, failed... */
  public static final String PAYMENTS = "payments.events";

  /** Outcomes of the supplier consumer: booking confirmed, rejected, cancelled. */
  public static final String SUPPLIERS = "suppliers.events";

  private Topics() {}
}
