package com.reservas.reservation.application.fakes;

import com.reservas.reservation.application.port.out.DuplicateIdempotencyKeyException;
import com.reservas.reservation.application.port.out.DuplicateReservationCodeException;
import com.reservas.reservation.application.port.out.ReservationRepository;
import com.reservas.reservation.domain.PaymentStatus;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationCode;
import com.reservas.reservation.domain.ReservationStatus;
import com.reservas.reservation.domain.StatusChange;
import com.reservas.reservation.domain.SupplierStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Imitates {@code R2dbcReservationRepository} on maps, on the points the services rely on:
 *
 * <ul>
 *   <li>{@link #insert} fails with {@link DuplicateReservationCodeException} when the code is taken
 *       (the primary key) and with {@link DuplicateIdempotencyKeyException} when the client already
 *       used the idempotency key (unique key on client id and key); nothing is stored then.
 *   <li>{@link #update} is a compare-and-set on the version: it emits {@code false}, not an error,
 *       when the stored version is not the expected one (or the code is unknown), as the adapter's
 *       {@code UPDATE ... WHERE version = :expectedVersion} reports zero rows. The history entry is
 *       appended to the stored history, whose unique key refuses a second row for a status.
 *   <li>Finders return the reservation as stored, history included; {@link
 *       #findAwaitingOutcomeSince} applies the adapter's SQL condition to {@code updatedAt <
 *       before}, oldest first, at most {@code limit}.
 *   <li>Statements run when subscribed, inside the {@link DirectTransactionRunner} transaction
 *       running then, and roll back with it.
 * </ul>
 *
 * <p>Tests seed it with {@link #store} and make another writer win a race with {@link
 * #loseNextUpdates} or {@link #beforeNextInsert}.
 */
public final class InMemoryReservationRepository implements ReservationRepository {

  /** One write of the service under test, with the transaction it was made in (0: none). */
  public record Write(Kind kind, ReservationCode code, long version, long transaction) {
    /** Which statement. */
    public enum Kind {
      INSERT,
      UPDATE
    }
  }

  private record Row(Reservation reservation, String idempotencyKey, String requestHash) {
    Row with(Reservation changed) {
      return new Row(changed, idempotencyKey, requestHash);
    }
  }

  private record Tables(Map<ReservationCode, Row> rows, List<Write> writes) {
    Tables copy() {
      return new Tables(new LinkedHashMap<>(rows), new ArrayList<>(writes));
    }
  }

  private record Race(int remaining, UnaryOperator<Reservation> otherWriter) {}

  private static final Set<ReservationStatus> OPEN =
      EnumSet.of(
          ReservationStatus.CREATED, ReservationStatus.PAYMENT_IN_PROGRESS, ReservationStatus.PAID);
  private static final Set<PaymentStatus> CANCELLED_PAYMENT_AWAITED =
      EnumSet.of(PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURED, PaymentStatus.IN_PROGRESS);
  private static final Set<SupplierStatus> CANCELLED_SUPPLIER_AWAITED =
      EnumSet.of(SupplierStatus.CONFIRMED, SupplierStatus.REQUESTED);

  private final TransactionalState<Tables> state =
      new TransactionalState<>(new Tables(new LinkedHashMap<>(), new ArrayList<>()), Tables::copy);
  private final Map<ReservationCode, Race> races = new HashMap<>();
  private Runnable beforeNextInsert;
  private int updateAttempts;

  @Override
  public Mono<Void> insert(Reservation reservation, Optional<IdempotencyRecord> idempotency) {
    return Mono.fromRunnable(
        () -> {
          takeBeforeNextInsert().run();
          state.apply(
              tables -> {
                ReservationCode code = reservation.code();
                if (tables.rows().containsKey(code)) {
                  throw new DuplicateReservationCodeException(
                      code.value(), duplicateKey(code.value(), "PRIMARY"));
                }
                if (idempotency.isPresent()
                    && tables.rows().values().stream()
                        .anyMatch(
                            row ->
                                row.reservation().clientId().equals(reservation.clientId())
                                    && idempotency.get().key().equals(row.idempotencyKey()))) {
                  throw new DuplicateIdempotencyKeyException(
                      duplicateKey(idempotency.get().key(), "uk_reservation_idempotency"));
                }
                tables
                    .rows()
                    .put(
                        code,
                        new Row(
                            reservation,
                            idempotency.map(IdempotencyRecord::key).orElse(null),
                            idempotency.map(IdempotencyRecord::requestHash).orElse(null)));
                tables
                    .writes()
                    .add(
                        new Write(
                            Write.Kind.INSERT, code, reservation.version(), state.transaction()));
                return null;
              });
        });
  }

  @Override
  public Mono<Reservation> findByCode(ReservationCode code) {
    return Mono.fromCallable(() -> stored(code).orElse(null));
  }

  @Override
  public Mono<IdempotentReservation> findByIdempotencyKey(String clientId, String idempotencyKey) {
    return Mono.fromCallable(
        () ->
            state.apply(
                tables ->
                    tables.rows().values().stream()
                        .filter(
                            row ->
                                row.reservation().clientId().equals(clientId)
                                    && idempotencyKey.equals(row.idempotencyKey()))
                        .map(row -> new IdempotentReservation(row.reservation(), row.requestHash()))
                        .findFirst()
                        .orElse(null)));
  }

  @Override
  public Mono<Boolean> update(
      Reservation reservation, long expectedVersion, Optional<StatusChange> historyEntry) {
    return Mono.fromCallable(
        () -> {
          raceIfScripted(reservation.code());
          return state.apply(
              tables -> {
                Row row = tables.rows().get(reservation.code());
                if (row == null || row.reservation().version() != expectedVersion) {
                  return false;
                }
                List<StatusChange> history = new ArrayList<>(row.reservation().history());
                historyEntry.ifPresent(
                    entry -> {
                      if (history.stream().anyMatch(h -> h.status() == entry.status())) {
                        throw duplicateKey(
                            reservation.code() + "-" + entry.status(), "uk_history_status");
                      }
                      history.add(entry);
                    });
                tables.rows().put(reservation.code(), row.with(reservation.withHistory(history)));
                tables
                    .writes()
                    .add(
                        new Write(
                            Write.Kind.UPDATE,
                            reservation.code(),
                            reservation.version(),
                            state.transaction()));
                return true;
              });
        });
  }

  @Override
  public Flux<Reservation> findAwaitingOutcomeSince(Instant updatedBefore, int limit) {
    return Flux.defer(
        () ->
            Flux.fromIterable(
                all().stream()
                    .filter(r -> r.updatedAt().isBefore(updatedBefore))
                    .filter(InMemoryReservationRepository::awaitsOutcomeAsQueried)
                    .sorted(Comparator.comparing(Reservation::updatedAt))
                    .limit(limit)
                    .toList()));
  }

  @Override
  public Flux<Reservation> findNeedingAttention(int limit) {
    return Flux.defer(
        () ->
            Flux.fromIterable(
                all().stream()
                    .filter(
                        r ->
                            r.paymentStatus() == PaymentStatus.NEEDS_ATTENTION
                                || r.supplierStatus() == SupplierStatus.NEEDS_ATTENTION)
                    .sorted(Comparator.comparing(Reservation::updatedAt))
                    .limit(limit)
                    .toList()));
  }

  /** Stores a reservation as if another connection had committed it (survives a rollback). */
  public void store(Reservation reservation) {
    state.commitElsewhere(tables -> tables.rows().put(reservation.code(), row(reservation, null)));
  }

  /** Stores a reservation created under an idempotency key, committed by another connection. */
  public void store(Reservation reservation, IdempotencyRecord idempotency) {
    state.commitElsewhere(
        tables -> tables.rows().put(reservation.code(), row(reservation, idempotency)));
  }

  /** The reservation as committed or as the running transaction sees it. */
  public Optional<Reservation> stored(ReservationCode code) {
    return state.apply(
        tables -> Optional.ofNullable(tables.rows().get(code)).map(Row::reservation));
  }

  public List<Reservation> all() {
    return state.apply(tables -> tables.rows().values().stream().map(Row::reservation).toList());
  }

  /** The inserts and successful updates of the code under test, in order (not seeds or races). */
  public List<Write> writes() {
    return state.apply(tables -> List.copyOf(tables.writes()));
  }

  /** How often {@link #update} was called, whether it won or lost. */
  public synchronized int updateAttempts() {
    return updateAttempts;
  }

  /**
   * Another writer wins the next {@code times} compare-and-set races on {@code code}: right before
   * each of those updates it commits {@code otherWriter}'s version of the stored reservation, which
   * must bump the version. The update then finds a newer version and emits {@code false}.
   */
  public synchronized void loseNextUpdates(
      ReservationCode code, int times, UnaryOperator<Reservation> otherWriter) {
    races.put(code, new Race(times, otherWriter));
  }

  /**
   * Runs {@code otherConnection} (typically a {@link #store}) right before the next insert checks
   * its keys: a concurrent request committing first.
   */
  public synchronized void beforeNextInsert(Runnable otherConnection) {
    beforeNextInsert = otherConnection;
  }

  /** Its table, which takes part in the transaction runner's transactions. */
  public TransactionParticipant table() {
    return state;
  }

  private synchronized Runnable takeBeforeNextInsert() {
    Runnable hook = beforeNextInsert == null ? () -> {} : beforeNextInsert;
    beforeNextInsert = null;
    return hook;
  }

  private void raceIfScripted(ReservationCode code) {
    UnaryOperator<Reservation> otherWriter;
    synchronized (this) {
      updateAttempts++;
      Race race = races.get(code);
      if (race == null || race.remaining() <= 0) {
        return;
      }
      races.put(code, new Race(race.remaining() - 1, race.otherWriter()));
      otherWriter = race.otherWriter();
    }
    Reservation current = stored(code).orElseThrow();
    Reservation theirs = otherWriter.apply(current);
    if (theirs.version() == current.version()) {
      throw new IllegalArgumentException("the other writer must move the version on");
    }
    state.commitElsewhere(tables -> tables.rows().computeIfPresent(code, (c, r) -> r.with(theirs)));
  }

  /** The adapter's WHERE clause, spelled as the SQL spells it. */
  private static boolean awaitsOutcomeAsQueried(Reservation r) {
    return OPEN.contains(r.status())
        || (r.status() == ReservationStatus.SUPPLIER_CONFIRMED
            && r.paymentStatus() == PaymentStatus.AUTHORIZED)
        || (r.status() == ReservationStatus.CANCELLED
            && (CANCELLED_PAYMENT_AWAITED.contains(r.paymentStatus())
                || CANCELLED_SUPPLIER_AWAITED.contains(r.supplierStatus())));
  }

  private static Row row(Reservation reservation, IdempotencyRecord idempotency) {
    return new Row(
        reservation,
        idempotency == null ? null : idempotency.key(),
        idempotency == null ? null : idempotency.requestHash());
  }

  private static IllegalStateException duplicateKey(String value, String key) {
    return new IllegalStateException("Duplicate entry '" + value + "' for key '" + key + "'");
  }
}
