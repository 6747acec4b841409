package com.reservas.supplier.simulator.booking;

import com.reservas.supplier.simulator.booking.BookingLedger.Answer;
import com.reservas.supplier.simulator.booking.BookingOutcome.Confirmed;
import com.reservas.supplier.simulator.booking.BookingOutcome.Rejected;
import com.reservas.supplier.simulator.booking.BookingOutcome.RequestIdReused;
import com.reservas.supplier.simulator.fleet.Fleet;
import com.reservas.supplier.simulator.fleet.FleetSizing;
import com.reservas.supplier.simulator.fleet.SupplierCodes;
import com.reservas.supplier.simulator.stats.ActivityCounters;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Where bookings are made and cancelled: checks the codes, takes a car from the {@link Fleet},
 * records the answer per request id and keeps the counters. Every operation holds one lock, so that
 * checking availability and taking the car are a single step and concurrent requests can never book
 * more cars than the fleet has, nor answer one request id twice differently.
 */
public final class BookingDesk {

  private final Fleet fleet;
  private final BookingLedger ledger = new BookingLedger();
  private final ActivityCounters counters;
  private final Clock clock;

  public BookingDesk(FleetSizing fleetSizing, ActivityCounters counters, Clock clock) {
    this.fleet = new Fleet(fleetSizing);
    this.counters = counters;
    this.clock = clock;
  }

  /**
   * Reads the bookings and answers back from {@code file}, takes their cars again, and keeps every
   * later change there.
   */
  public synchronized void keepBooksIn(Path file) {
    ledger.keepRecordsIn(file);
    for (Booking booking : ledger.bookings()) {
      if (!booking.isCancelled()) {
        BookingRequest request = booking.request();
        fleet.restore(
            request.officeCode(), request.categoryCode(), booking.carId(), request.period());
      }
    }
  }

  /**
   * Books a car, or answers as before when the request id was seen already.
   *
   * @return {@link Confirmed}, {@link Rejected}, or {@link RequestIdReused} when the id came with a
   *     different request before
   */
  public synchronized BookingOutcome book(BookingRequest request) {
    Optional<Answer> earlier = ledger.answerFor(request.requestId());
    if (earlier.isPresent()) {
      return replay(earlier.get(), request);
    }
    BookingOutcome outcome = decide(request);
    ledger.recordAnswer(request, outcome);
    return outcome;
  }

  /**
   * Cancels a booking and frees its car. Cancelling a cancelled booking answers the same again.
   *
   * @param requestId the caller's idempotency key for this cancellation
   */
  public synchronized CancellationOutcome cancel(String bookingReference, String requestId) {
    Optional<String> cancelledBefore = ledger.referenceCancelledBy(requestId);
    if (cancelledBefore.isPresent() && !cancelledBefore.get().equals(bookingReference)) {
      return new CancellationOutcome.RequestIdReused(requestId, cancelledBefore.get());
    }
    Optional<Booking> found = ledger.booking(bookingReference);
    if (found.isEmpty()) {
      return new CancellationOutcome.NotFound(bookingReference);
    }
    ledger.recordCancellationRequest(requestId, bookingReference);
    Booking booking = found.get();
    if (booking.isCancelled()) {
      return new CancellationOutcome.Cancelled(booking, true);
    }
    Booking cancelled = booking.cancelledAt(clock.instant());
    BookingRequest request = booking.request();
    fleet.release(request.officeCode(), request.categoryCode(), booking.carId(), request.period());
    ledger.save(cancelled);
    counters.bookingCancelled();
    return new CancellationOutcome.Cancelled(cancelled, false);
  }

  public synchronized Optional<Booking> booking(String bookingReference) {
    return ledger.booking(bookingReference);
  }

  /** Every booking, confirmed or cancelled, oldest first. */
  public synchronized List<Booking> bookings() {
    return ledger.bookings();
  }

  /** The bookings made for one of our reservations, oldest first. */
  public synchronized List<Booking> bookingsFor(String reservationCode) {
    return ledger.bookings().stream()
        .filter(booking -> booking.reservationCode().equals(reservationCode))
        .toList();
  }

  /** The bookings made for a booking request id, oldest first (at most one, unless forgotten). */
  public synchronized List<Booking> bookingsForRequestId(String requestId) {
    return ledger.bookings().stream()
        .filter(booking -> booking.request().requestId().equals(requestId))
        .toList();
  }

  /**
   * Forgets the answers given per request id but keeps the bookings, as a supplier does whose
   * idempotency memory expired or was lost in a restart: a repeated request is then carried out
   * again.
   */
  public synchronized void forgetRequestIds() {
    ledger.forgetRequestIds();
  }

  /** Forgets all bookings and answers: every car is free and every request id unused. */
  public synchronized void clear() {
    ledger.clear();
    fleet.clear();
  }

  private BookingOutcome replay(Answer earlier, BookingRequest request) {
    if (!earlier.request().equals(request)) {
      return new RequestIdReused(request.requestId());
    }
    counters.idempotentReplay();
    if (earlier.outcome() instanceof Confirmed confirmed) {
      String reference = confirmed.booking().bookingReference();
      return new Confirmed(ledger.booking(reference).orElseThrow(), true);
    }
    // Only confirmations and rejections are recorded as answers.
    return ((Rejected) earlier.outcome()).asReplay();
  }

  private BookingOutcome decide(BookingRequest request) {
    if (!SupplierCodes.isKnownOffice(request.officeCode())) {
      return reject(
          request, RejectionReason.UNKNOWN_OFFICE, "Unknown pickup office " + request.officeCode());
    }
    if (!SupplierCodes.isKnownOffice(request.dropoffOfficeCode())) {
      return reject(
          request,
          RejectionReason.UNKNOWN_OFFICE,
          "Unknown drop-off office " + request.dropoffOfficeCode());
    }
    if (!SupplierCodes.isKnownCategory(request.categoryCode())) {
      return reject(
          request,
          RejectionReason.UNKNOWN_CATEGORY,
          "Unknown vehicle category " + request.categoryCode() + " (not an ACRISS code)");
    }
    Optional<String> car =
        fleet.reserve(request.officeCode(), request.categoryCode(), request.period());
    if (car.isEmpty()) {
      return reject(
          request,
          RejectionReason.NO_AVAILABILITY,
          "No %s car is free at %s for the whole period %s"
              .formatted(request.categoryCode(), request.officeCode(), request.period()));
    }
    Booking booking =
        Booking.confirmed(ledger.newBookingReference(), request, car.get(), clock.instant());
    ledger.save(booking);
    counters.bookingMade();
    return new Confirmed(booking, false);
  }

  private Rejected reject(BookingRequest request, RejectionReason reason, String message) {
    counters.bookingRejected();
    return new Rejected(request.requestId(), reason, message, false);
  }
}
