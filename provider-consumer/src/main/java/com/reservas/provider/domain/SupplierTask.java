package com.reservas.provider.domain;

import static java.util.Objects.requireNonNull;

/** What a reservation snapshot can ask of the supplier: book or cancel. */
public sealed interface SupplierTask {

  /**
   * The reservation is paid and waits for a car; {@code askedBefore} when the booking was requested
   * before and the supplier may have made it already.
   */
  record Book(BookingRequest request, boolean askedBefore) implements SupplierTask {
    public Book {
      requireNonNull(request, "request");
    }
  }

  /** The reservation was cancelled while the supplier held a car for it. */
  record Cancel(CancellationRequest request) implements SupplierTask {
    public Cancel {
      requireNonNull(request, "request");
    }
  }
}
