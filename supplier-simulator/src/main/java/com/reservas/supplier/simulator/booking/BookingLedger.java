package com.reservas.supplier.simulator.booking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The supplier's records: every booking by reference, the answer given to every booking request id
 * (so a retry gets the same answer) and which booking every cancellation request id cancelled. Not
 * thread-safe: the {@link BookingDesk} serialises access.
 */
final class BookingLedger {

  private static final String REFERENCE_PREFIX = "SB";
  private static final String REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final int REFERENCE_RANDOM_LENGTH = 8;

  /** The request as first received, kept to tell a retry from a reuse of the id. */
  record Answer(BookingRequest request, BookingOutcome outcome) {}

  private final Map<String, Booking> bookingsByReference = new LinkedHashMap<>();
  private final Map<String, Answer> answersByRequestId = new HashMap<>();
  private final Map<String, String> cancelledReferenceByRequestId = new HashMap<>();

  Optional<Answer> answerFor(String requestId) {
    return Optional.ofNullable(answersByRequestId.get(requestId));
  }

  void recordAnswer(BookingRequest request, BookingOutcome outcome) {
    answersByRequestId.put(request.requestId(), new Answer(request, outcome));
  }

  /** A reference no booking has yet, such as {@code SB7K2P9QXA}. */
  String newBookingReference() {
    String reference;
    do {
      StringBuilder builder = new StringBuilder(REFERENCE_PREFIX);
      for (int i = 0; i < REFERENCE_RANDOM_LENGTH; i++) {
        builder.append(
            REFERENCE_ALPHABET.charAt(
                ThreadLocalRandom.current().nextInt(REFERENCE_ALPHABET.length())));
      }
      reference = builder.toString();
    } while (bookingsByReference.containsKey(reference));
    return reference;
  }

  void save(Booking booking) {
    bookingsByReference.put(booking.bookingReference(), booking);
  }

  Optional<Booking> booking(String bookingReference) {
    return Optional.ofNullable(bookingsByReference.get(bookingReference));
  }

  /** In the order they were made. */
  List<Booking> bookings() {
    return new ArrayList<>(bookingsByReference.values());
  }

  Optional<String> referenceCancelledBy(String cancellationRequestId) {
    return Optional.ofNullable(cancelledReferenceByRequestId.get(cancellationRequestId));
  }

  void recordCancellationRequest(String cancellationRequestId, String bookingReference) {
    cancelledReferenceByRequestId.putIfAbsent(cancellationRequestId, bookingReference);
  }

  void forgetRequestIds() {
    answersByRequestId.clear();
    cancelledReferenceByRequestId.clear();
  }

  void clear() {
    bookingsByReference.clear();
    answersByRequestId.clear();
    cancelledReferenceByRequestId.clear();
  }
}
