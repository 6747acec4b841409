package com.reservas.provider.application.port.out;

import static java.util.Objects.requireNonNull;

import com.reservas.provider.domain.BookingRequest;
import com.reservas.provider.domain.CancellationRequest;
import com.reservas.provider.domain.ExternalCall;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The supplier's booking API. Implementations retry what is worth retrying under the request's id
 * and record every call, masked. They fail with {@link SupplierUnavailableException} when no answer
 * could be had, and with {@link SupplierRequestRefusedException} when the request as such was
 * refused.
 */
public interface SupplierGateway {

  Mono<BookingAnswer> book(BookingRequest request);

  Mono<CancellationAnswer> cancel(CancellationRequest request);

  /** The supplier's answer to a booking request. */
  sealed interface BookingAnswer {

    List<ExternalCall> calls();

    /** A car is held; {@code bookingReference} names the booking. */
    record Confirmed(String bookingReference, List<ExternalCall> calls) implements BookingAnswer {
      public Confirmed {
        requireNonNull(bookingReference, "bookingReference");
        calls = List.copyOf(calls);
      }
    }

    /** No car; {@code reason} is the supplier's code (e.g. {@code NO_AVAILABILITY}). */
    record Rejected(String reason, String message, List<ExternalCall> calls)
        implements BookingAnswer {
      public Rejected {
        requireNonNull(reason, "reason");
        calls = List.copyOf(calls);
      }
    }
  }

  /** The booking is cancelled (now or before) and its car free. */
  record CancellationAnswer(String bookingReference, List<ExternalCall> calls) {
    public CancellationAnswer {
      requireNonNull(bookingReference, "bookingReference");
      calls = List.copyOf(calls);
    }
  }
}
