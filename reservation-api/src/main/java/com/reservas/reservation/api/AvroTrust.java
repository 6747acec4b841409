package com.reservas.reservation.api;

/**
 * Avro 1.12 only instantiates generated classes from trusted packages; the event classes must be
 * trusted before any is decoded.
 */
final class AvroTrust {
  static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

  private AvroTrust() {}

  static void trustEventPackage() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, "com.reservas.schemas.avro");
    }
  }
}
