package com.reservas.schemas.compatibility;

import com.reservas.schemas.SchemaVersion;

/**
 * A released version of a schema that the current schema cannot read.
 *
 * @param writer the released version, as it would be written by an old producer
 * @param details what Avro's schema resolution found, e.g. a new field without a default
 */
public record SchemaIncompatibility(SchemaVersion writer, String details) {

  /** One line naming the schema and version, e.g. for a failing build. */
  public String describe() {
    return "current "
        + writer.fullName()
        + " cannot read its v"
        + writer.version()
        + " (BACKWARD_TRANSITIVE): "
        + details;
  }
}
