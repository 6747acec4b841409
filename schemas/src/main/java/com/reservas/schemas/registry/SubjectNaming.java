package com.reservas.schemas.registry;

import org.apache.avro.Schema;

/**
 * Subject names under which schemas are registered. The platform uses Confluent's
 * TopicRecordNameStrategy because each topic carries several event types, each evolving on its own.
 */
public final class SubjectNaming {

  private SubjectNaming() {}

  /**
   * TopicRecordNameStrategy: {@code <topic>-<record full name>}, e.g. {@code
   * reservations.events-com.reservas.schemas.avro.ReservationCreated}.
   */
  public static String topicRecordName(String topic, Schema schema) {
    return topic + "-" + schema.getFullName();
  }
}
