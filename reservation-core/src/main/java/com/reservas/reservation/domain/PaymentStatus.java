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
  REFUNDED,
  /**
   * Stripe refused a capture, void or refund for good: the money's state needs a person (listed by
   * the stuck-reservation endpoint, never retried).
   */
  NEEDS_ATTENTION;

  /** True while the customer's money is held or taken, so a cancellation must release it. */
  public boolean holdsMoney() {
    return this == AUTHORIZED || this == CAPTURED;
  }

  /**
   * True when an answer said there is no authorization (declined, failed). A later authorization is
   * new information (another attempt went through after Stripe came back), never a repeat.
   */
  public boolean authorizationRefused() {
    return this == DECLINED || this == FAILED;
  }

  /** True while no authorization answer has come back yet. */
  public boolean awaitsAuthorization() {
    return this == PENDING || this == IN_PROGRESS;
  }
}
