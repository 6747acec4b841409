package com.reservas.reservation.application.port.out;

import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationCode;
import com.reservas.reservation.domain.StatusChange;
import java.time.Instant;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Stores reservations with their contact and history. Runs inside the caller's transaction. */
public interface ReservationRepository {

  /**
   * Inserts a new reservation with its contact and first history row. Fails with {@link
   * DuplicateReservationCodeException} when the code is taken and {@link
   * DuplicateIdempotencyKeyException} when the client already used the idempotency key.
   */
  Mono<Void> insert(Reservation reservation, Optional<IdempotencyRecord> idempotency);

  Mono<Reservation> findByCode(ReservationCode code);

  /** The reservation the client created with this idempotency key, and that request's hash. */
  Mono<IdempotentReservation> findByIdempotencyKey(String clientId, String idempotencyKey);

  /**
   * Writes the reservation if its stored version is still {@code expectedVersion} (compare-and-set)
   * and appends the history row; emits {@code false} when another writer got there first.
   */
  Mono<Boolean> update(
      Reservation reservation, long expectedVersion, Optional<StatusChange> historyEntry);

  /**
   * Reservations that wait for an answer (see {@code Reservation.awaitsOutcome()}) and have not
   * changed since {@code updatedBefore}, oldest first, at most {@code limit}.
   */
  Flux<Reservation> findAwaitingOutcomeSince(Instant updatedBefore, int limit);

  /**
   * Reservations whose payment or booking needs a person ({@code NEEDS_ATTENTION}), oldest first.
   */
  Flux<Reservation> findNeedingAttention(int limit);

  /** A client's idempotency key and the hash of the request it was first used with. */
  record IdempotencyRecord(String key, String requestHash) {}

  /** A reservation found by idempotency key, with the hash of the request that created it. */
  record IdempotentReservation(Reservation reservation, String requestHash) {}
}
