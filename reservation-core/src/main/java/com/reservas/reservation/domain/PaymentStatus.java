package com.reservas.reservation.domain;

/** Where the customer's money stands, shown beside the main status. */
public enum PaymentStatus {
  PENDING,
  IN_PROGRESS,
  AUTHORIZED,
  CAPTURED,
  DECLINED,
  FAILED,
  VOIDED,
  REFUNDED;

  /** True while the customer's money is held or taken, so a cancellation must release it. */
  public boolean holdsMoney() {
    return this == AUTHORIZED || this == CAPTURED;
  }

  /** True while no authorization answer has come back yet. */
  public boolean awaitsAuthorization() {
    return this == PENDING || this == IN_PROGRESS;
  }
}
