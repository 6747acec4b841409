package com.reservas.load;

import com.reservas.load.traffic.ConcurrentCustomers;

/**
 * docs/spec.md §9: 100 concurrent customers creating and reading reservations; the target is {@code
 * POST} p95 ≤ 100 ms with no errors.
 */
public class CreateReservations100 extends ConcurrentCustomers {

  public CreateReservations100() {
    super(100);
  }
}
