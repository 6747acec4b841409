package com.reservas.load;

import com.reservas.load.traffic.ConcurrentCustomers;

/** docs/spec.md §9: 50 concurrent customers creating and reading reservations. */
public class CreateReservations50 extends ConcurrentCustomers {

  public CreateReservations50() {
    super(50);
  }
}
