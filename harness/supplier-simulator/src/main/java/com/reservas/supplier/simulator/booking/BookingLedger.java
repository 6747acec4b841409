package com.reservas.supplier.simulator.booking;

import com.reservas.standin.kit.Journal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

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

  /**
   * One change of the records as the journal keeps it: a booking as it now is, an answer (the
   * booking it confirmed, or the rejection), a cancellation request id, or that request ids or
   * everything were forgotten.
   */
  record LedgerChange(
      Booking booking,
      BookingRequest answered,
      String confirmedReference,
      RejectionReason rejection,
      String rejectionMessage,
      String cancellationRequestId,
      String cancelledReference,
      boolean forgotRequestIds,
      boolean cleared) {

    static LedgerChange of(Booking booking) {
      return new LedgerChange(booking, null, null, null, null, null, null, false, false);
    }

    static LedgerChange of(Answer answer) {
      if (answer.outcome() instanceof BookingOutcome.Confirmed confirmed) {
        return new LedgerChange(
            null,
            answer.request(),
            confirmed.booking().bookingReference(),
            null,
            null,
            null,
            null,
            false,
            false);
      }
      BookingOutcome.Rejected rejected = (BookingOutcome.Rejected) answer.outcome();
      return new LedgerChange(
          null,
          answer.request(),
          null,
          rejected.reason(),
          rejected.message(),
          null,
          null,
          false,
          false);
    }

    static LedgerChange cancellation(String requestId, String bookingReference) {
      return new LedgerChange(
          null, null, null, null, null, requestId, bookingReference, false, false);
    }
  }

  private final Map<String, Booking> bookingsByReference = new LinkedHashMap<>();
  private final Map<String, Answer> answersByRequestId = new HashMap<>();
  private final Map<String, String> cancelledReferenceByRequestId = new HashMap<>();
  private Journal<LedgerChange> journal = Journal.inMemory();

  /** Reads the records back from {@code file} and keeps every later change there. */
  void keepRecordsIn(Path file) {
    journal = Journal.open(file, LedgerChange.class, this::replay, this::current);
  }

  Optional<Answer> answerFor(String requestId) {
    return Optional.ofNullable(answersByRequestId.get(requestId));
  }

  void recordAnswer(BookingRequest request, BookingOutcome outcome) {
    Answer answer = new Answer(request, outcome);
    answersByRequestId.put(request.requestId(), answer);
    journal.append(LedgerChange.of(answer));
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
    journal.append(LedgerChange.of(booking));
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
    if (cancelledReferenceByRequestId.putIfAbsent(cancellationRequestId, bookingReference)
        == null) {
      journal.append(LedgerChange.cancellation(cancellationRequestId, bookingReference));
    }
  }

  void forgetRequestIds() {
    answersByRequestId.clear();
    cancelledReferenceByRequestId.clear();
    journal.append(new LedgerChange(null, null, null, null, null, null, null, true, false));
  }

  void clear() {
    forgetAll();
    journal.append(new LedgerChange(null, null, null, null, null, null, null, false, true));
  }

  private void forgetAll() {
    bookingsByReference.clear();
    answersByRequestId.clear();
    cancelledReferenceByRequestId.clear();
  }

  private void replay(LedgerChange change) {
    if (change.cleared()) {
      forgetAll();
    } else if (change.forgotRequestIds()) {
      answersByRequestId.clear();
      cancelledReferenceByRequestId.clear();
    } else if (change.booking() != null) {
      bookingsByReference.put(change.booking().bookingReference(), change.booking());
    } else if (change.answered() != null) {
      BookingRequest request = change.answered();
      BookingOutcome outcome =
          change.confirmedReference() != null
              ? new BookingOutcome.Confirmed(
                  bookingsByReference.get(change.confirmedReference()), false)
              : new BookingOutcome.Rejected(
                  request.requestId(), change.rejection(), change.rejectionMessage(), false);
      answersByRequestId.put(request.requestId(), new Answer(request, outcome));
    } else if (change.cancellationRequestId() != null) {
      cancelledReferenceByRequestId.put(
          change.cancellationRequestId(), change.cancelledReference());
    }
  }

  /** The records as one change per booking, answer and cancellation: a compacted journal. */
  private Stream<LedgerChange> current() {
    return Stream.of(
            bookingsByReference.values().stream().map(LedgerChange::of),
            answersByRequestId.values().stream().map(LedgerChange::of),
            cancelledReferenceByRequestId.entrySet().stream()
                .map(e -> LedgerChange.cancellation(e.getKey(), e.getValue())))
        .flatMap(changes -> changes);
  }
}
