package com.reservas.supplier.simulator.booking;

/** Why the supplier said no. A business answer, final for that request id: retrying cannot help. */
public enum RejectionReason {
  /** No single car of the category is free at the pickup office for the whole period. */
  NO_AVAILABILITY,
  /** The pickup or drop-off office code is not one the supplier knows. */
  UNKNOWN_OFFICE,
  /** The category is not a valid ACRISS code. */
  UNKNOWN_CATEGORY
}
