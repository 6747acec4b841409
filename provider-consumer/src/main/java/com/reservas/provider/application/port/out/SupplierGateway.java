package com.reservas.provider.application.port.out;

import static java.util.Objects.requireNonNull;

import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.provider.domain.BookingRequest;
import com.reservas.provider.domain.CancellationRequest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The supplier's booking API, blocking: the caller's thread waits for the answer. Implementations
 * retry what is worth retrying under the request's id and record every call, masked. They fail with
 * {@link SupplierUnavailableException} when no answer could be had, and with {@link
 * SupplierRequestRefusedException} when the request as such was refused.
 */
public interface SupplierGateway {

  BookingAnswer book(BookingRequest request);

  CancellationAnswer cancel(CancellationRequest request);

  /**
   * The booking the supplier made for the request's id, if one is held: asked before booking again
   * when the supplier may no longer remember the id.
   */
  BookingLookup findBooking(BookingRequest request);

  /**
   * What the supplier holds for a booking request id.
   *
   * @param bookingReference the booking held for it (not cancelled), if any
   * @param calls the calls made to find out
   */
  record BookingLookup(Optional<String> bookingReference, List<HttpExchange> calls) {
    public BookingLookup {
      requireNonNull(bookingReference, "bookingReference");
      calls = List.copyOf(calls);
    }
  }

  /** The supplier's answer to a booking request. */
  sealed interface BookingAnswer {

    List<HttpExchange> calls();

    /** The same answer, with {@code earlier} calls (e.g. a lookup) before its own. */
    BookingAnswer after(List<HttpExchange> earlier);

    private static List<HttpExchange> concat(List<HttpExchange> earlier, List<HttpExchange> own) {
      return Stream.concat(earlier.stream(), own.stream()).toList();
    }

    /** A car is held; {@code bookingReference} names the booking. */
    record Confirmed(String bookingReference, List<HttpExchange> calls) implements BookingAnswer {
      public Confirmed {
        requireNonNull(bookingReference, "bookingReference");
        calls = List.copyOf(calls);
      }

      @Override
      public Confirmed after(List<HttpExchange> earlier) {
        return new Confirmed(bookingReference, concat(earlier, calls));
      }
    }

    /** No car; {@code reason} is the supplier's code (e.g. {@code NO_AVAILABILITY}). */
    record Rejected(String reason, String message, List<HttpExchange> calls)
        implements BookingAnswer {
      public Rejected {
        requireNonNull(reason, "reason");
        calls = List.copyOf(calls);
      }

      @Override
      public Rejected after(List<HttpExchange> earlier) {
        return new Rejected(reason, message, concat(earlier, calls));
      }
    }
  }

  /** The booking is cancelled (now or before) and its car free. */
  record CancellationAnswer(String bookingReference, List<HttpExchange> calls) {
    public CancellationAnswer {
      requireNonNull(bookingReference, "bookingReference");
      calls = List.copyOf(calls);
    }
  }
}
