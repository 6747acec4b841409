package com.reservas.schemas;

import org.apache.avro.Schema;

/**
 * One released version of a record schema, as kept in the schema history.
 *
 * @param fullName the record's full name, e.g. {@code com.reservas.schemas.avro.PaymentAuthorized}
 * @param version the version number, starting at 1
 * @param schema the schema as it was released
 */
public record SchemaVersion(String fullName, int version, Schema schema) {

  /** A short label for messages, e.g. {@code com.reservas.schemas.avro.PaymentAuthorized v2}. */
  public String label() {
    return fullName + " v" + version;
  }
}
