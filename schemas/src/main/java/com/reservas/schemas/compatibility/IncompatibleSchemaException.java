package com.reservas.schemas.compatibility;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A schema change would break consumers of already published events. The message lists every schema
 * and version that the current schemas cannot read, one per line, so the failing build says exactly
 * what to fix.
 */
public class IncompatibleSchemaException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<SchemaIncompatibility> incompatibilities;

  /** An exception listing {@code incompatibilities} (at least one). */
  public IncompatibleSchemaException(List<SchemaIncompatibility> incompatibilities) {
    super(
        "Schema change breaks BACKWARD_TRANSITIVE compatibility:\n"
            + incompatibilities.stream()
                .map(SchemaIncompatibility::describe)
                .collect(Collectors.joining("\n")));
    this.incompatibilities = List.copyOf(incompatibilities);
  }

  /** The problems found. */
  public List<SchemaIncompatibility> incompatibilities() {
    return incompatibilities;
  }
}
