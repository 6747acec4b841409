package com.reservas.stripe.standin;

import java.util.Map;

/**
 * A snapshot of what the stand-in has seen and done, for assertions in tests and for {@code GET
 * /__admin/stats}.
 *
 * @param requests Stripe API requests received ({@code /v1/...}), faulted ones included
 * @param faultsInjected requests failed on purpose by the fault settings
 * @param idempotentReplays requests answered from the idempotency store
 * @param totals money movements over all PaymentIntents
 * @param byReservation money movements per {@code metadata[reservation_code]}
 */
public record StandInStats(
    long requests,
    long faultsInjected,
    long idempotentReplays,
    ReservationCharges totals,
    Map<String, ReservationCharges> byReservation) {

  public StandInStats {
    byReservation = Map.copyOf(byReservation);
  }

  public long paymentIntentsCreated() {
    return totals.paymentIntents();
  }

  public long authorizations() {
    return totals.authorizations();
  }

  public long declines() {
    return totals.declines();
  }

  public long captures() {
    return totals.captures();
  }

  public long voids() {
    return totals.voids();
  }

  public long refunds() {
    return totals.refunds();
  }

  /** The money movements of one reservation; all zero if it was never seen. */
  public ReservationCharges forReservation(String reservationCode) {
    return byReservation.getOrDefault(reservationCode, ReservationCharges.NONE);
  }
}
