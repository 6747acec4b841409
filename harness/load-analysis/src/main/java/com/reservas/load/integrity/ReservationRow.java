package com.reservas.load.integrity;

/** A reservation's code and its three statuses, as the database holds them. */
record ReservationRow(String code, String status, String paymentStatus, String supplierStatus) {

  /**
   * Final: confirmed with the payment captured, or cancelled (docs/spec.md §3). Anything else is
   * still waiting for an answer.
   */
  boolean isFinal() {
    return ("SUPPLIER_CONFIRMED".equals(status) && "CAPTURED".equals(paymentStatus))
        || "CANCELLED".equals(status);
  }

  boolean isConfirmed() {
    return "SUPPLIER_CONFIRMED".equals(status) && "CAPTURED".equals(paymentStatus);
  }

  boolean isCancelled() {
    return "CANCELLED".equals(status);
  }

  /** The payment consumer has acted on it: some payment event must exist. */
  boolean paymentTouched() {
    return !"PENDING".equals(paymentStatus);
  }

  /** The supplier has answered: some supplier event must exist. */
  boolean supplierAnswered() {
    return "CONFIRMED".equals(supplierStatus)
        || "REJECTED".equals(supplierStatus)
        || "CANCELLED".equals(supplierStatus);
  }

  String statuses() {
    return status + "/" + paymentStatus + "/" + supplierStatus;
  }
}
