package com.reservas.reservation.application.fakes;

import com.reservas.reservation.application.port.out.ReservationEventOutbox;
import com.reservas.reservation.domain.ReservationEvent;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Imitates {@code R2dbcReservationEventOutbox}: an append is a row written in the caller's
 * transaction, so it is committed with the state change that caused it or rolled back with it; the
 * event id is the row's primary key, so the same event cannot be appended twice. Keeps the events
 * in order with their traceparent and the transaction they were written in. {@link
 * #failAppendsWith} makes appends fail (a broken schema registry, a lost connection).
 */
public final class InMemoryOutbox implements ReservationEventOutbox {

  /** One outbox row. */
  public record Appended(ReservationEvent event, String traceparent, long transaction) {}

  private final TransactionalState<List<Appended>> rows =
      new TransactionalState<>(new ArrayList<>(), ArrayList::new);
  private RuntimeException failure;

  @Override
  public Mono<Void> append(ReservationEvent event, String traceparent) {
    return Mono.fromRunnable(
        () -> {
          RuntimeException failing = failure();
          if (failing != null) {
            throw failing;
          }
          rows.apply(
              appended -> {
                if (appended.stream().anyMatch(a -> a.event().eventId().equals(event.eventId()))) {
                  throw new IllegalStateException(
                      "Duplicate entry '" + event.eventId() + "' for key 'PRIMARY'");
                }
                return appended.add(new Appended(event, traceparent, rows.transaction()));
              });
        });
  }

  /** Every append from now on fails with {@code failure}; {@code null} heals it. */
  public synchronized void failAppendsWith(RuntimeException failure) {
    this.failure = failure;
  }

  /** The rows committed (or written by the running transaction), oldest first. */
  public List<Appended> appended() {
    return rows.apply(List::copyOf);
  }

  /** The events of {@link #appended()}. */
  public List<ReservationEvent> events() {
    return appended().stream().map(Appended::event).toList();
  }

  /** Its table, which takes part in the transaction runner's transactions. */
  public TransactionParticipant table() {
    return rows;
  }

  private synchronized RuntimeException failure() {
    return failure;
  }
}
