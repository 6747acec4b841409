package com.reservas.reservation.application.service;

import static com.reservas.reservation.application.service.ServiceFixtures.NOW;
import static com.reservas.reservation.application.service.ServiceFixtures.TRACEPARENT;
import static com.reservas.reservation.application.service.ServiceFixtures.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.reservas.reservation.application.fakes.InMemoryAdapters;
import com.reservas.reservation.application.fakes.InMemoryOutbox.Appended;
import com.reservas.reservation.domain.Outcome;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationEvent;
import com.reservas.reservation.domain.ReservationEvent.ReservationStatusChanged;
import com.reservas.reservation.domain.ReservationStatus;
import com.reservas.reservation.domain.StatusChange;
import com.reservas.reservation.domain.Transition;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class TransitionWriterTest {

  private final InMemoryAdapters adapters = new InMemoryAdapters();
  private final TransitionWriter writer = adapters.writer();
  private final Reservation reservation = created("K7P2QX9A");

  @Test
  void writeStoresTheNewStateAppendsItsHistoryRowAndEveryEventInOrder() {
    adapters.reservations.store(reservation);
    Transition.Applied started = started();
    ReservationEvent second =
        new ReservationStatusChanged(
            UUID.randomUUID(),
            NOW.plusSeconds(1),
            ReservationStatus.CREATED,
            "second",
            started.reservation());
    Transition.Applied withTwoEvents =
        new Transition.Applied(
            started.reservation(),
            started.expectedVersion(),
            started.historyEntry(),
            List.of(started.events().get(0), second));

    writer.write(withTwoEvents, TRACEPARENT).block();

    Reservation stored = adapters.reservations.stored(reservation.code()).orElseThrow();
    assertThat(stored).isEqualTo(started.reservation());
    assertThat(stored.history())
        .extracting(StatusChange::status)
        .containsExactly(ReservationStatus.CREATED, ReservationStatus.PAYMENT_IN_PROGRESS);
    assertThat(adapters.outbox.appended())
        .extracting(Appended::event, Appended::traceparent)
        .containsExactly(tuple(started.events().get(0), TRACEPARENT), tuple(second, TRACEPARENT));
  }

  @Test
  void writeFailsStaleAndAppendsNothingWhenTheStoredVersionMovedOn() {
    Reservation newer = ServiceFixtures.remindedByAnotherWriter(reservation);
    adapters.reservations.store(newer);

    Mono<Void> write = writer.write(started(), null);

    assertThatThrownBy(write::block)
        .isInstanceOf(StaleReservationException.class)
        .hasMessage("Reservation K7P2QX9A is no longer at version 0");
    assertThat(adapters.reservations.stored(reservation.code())).contains(newer);
    assertThat(adapters.outbox.events()).isEmpty();
  }

  @Test
  void writeFailsStaleForAReservationThatIsNotStored() {
    assertThatThrownBy(() -> writer.write(started(), null).block())
        .isInstanceOf(StaleReservationException.class);
    assertThat(adapters.outbox.events()).isEmpty();
  }

  @Test
  void aLostRaceIsRetriedInAFreshTransactionAndOnlyTheWinningAttemptIsKept() {
    adapters.reservations.store(reservation);
    AtomicInteger attempts = new AtomicInteger();

    String result =
        writer
            .inTransactionRetryingConflicts(
                () -> {
                  int attempt = attempts.incrementAndGet();
                  Mono<Void> append = adapters.outbox.append(started().events().get(0), null);
                  return attempt < 3
                      ? append.then(Mono.error(new StaleReservationException("K7P2QX9A", 0)))
                      : append.thenReturn("written on attempt " + attempt);
                })
            .block();

    assertThat(result).isEqualTo("written on attempt 3");
    assertThat(adapters.transactions.rolledBack()).isEqualTo(2);
    assertThat(adapters.transactions.committed()).isEqualTo(1);
    assertThat(adapters.outbox.events()).hasSize(1);
  }

  @Test
  void failuresOtherThanALostRaceAreNotRetried() {
    AtomicInteger attempts = new AtomicInteger();

    Mono<String> failing =
        writer.inTransactionRetryingConflicts(
            () -> {
              attempts.incrementAndGet();
              return Mono.error(new IllegalStateException("disk full"));
            });

    assertThatThrownBy(failing::block).hasMessage("disk full");
    assertThat(attempts).hasValue(1);
    assertThat(adapters.transactions.rolledBack()).isEqualTo(1);
  }

  @Test
  void aRaceLostEveryTimeFailsStaleAfterTheMaximumNumberOfRetries() {
    AtomicInteger attempts = new AtomicInteger();

    Mono<String> alwaysStale =
        writer.inTransactionRetryingConflicts(
            () -> {
              attempts.incrementAndGet();
              return Mono.error(new StaleReservationException("K7P2QX9A", 0));
            });

    assertThatThrownBy(alwaysStale::block).isInstanceOf(StaleReservationException.class);
    assertThat(attempts).hasValue(TransitionWriter.MAX_CONFLICT_RETRIES + 1);
  }

  @Test
  void onlyTheCommittedAttemptOfAWriteIsReportedAsSagaProgressAndOnlyAfterItsCommit() {
    adapters.reservations.store(reservation);
    AtomicInteger attempts = new AtomicInteger();

    writer
        .inTransactionRetryingConflicts(
            () -> {
              Mono<Void> write = writer.write(started(), null);
              return attempts.incrementAndGet() < 2
                  ? write.then(Mono.error(new StaleReservationException("K7P2QX9A", 0)))
                  : write;
            })
        .block();

    assertThat(attempts).hasValue(2);
    assertThat(adapters.progress.committed())
        .extracting(applied -> applied.reservation().status())
        .containsExactly(ReservationStatus.PAYMENT_IN_PROGRESS);
    assertThat(adapters.progress.commitsWhenTold()).containsExactly(1);
  }

  @Test
  void aWriteThatRolledBackIsNotReportedAsSagaProgress() {
    adapters.reservations.store(reservation);

    Mono<Void> failing =
        writer.inTransactionRetryingConflicts(
            () ->
                writer
                    .write(started(), null)
                    .then(Mono.error(new IllegalStateException("disk full"))));

    assertThatThrownBy(failing::block).hasMessage("disk full");
    assertThat(adapters.progress.committed()).isEmpty();
  }

  private Transition.Applied started() {
    Transition transition =
        reservation.apply(new Outcome.PaymentAuthorizationStarted(), NOW.plusSeconds(1));
    assertThat(transition).isInstanceOf(Transition.Applied.class);
    return (Transition.Applied) transition;
  }
}
