package com.reservas.reservation.application.fakes;

import com.reservas.reservation.application.port.out.AuditRecord;
import com.reservas.reservation.application.port.out.AuditTrail;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Imitates {@code R2dbcAuditTrail}: a record is a row appended inside the caller's transaction
 * (outside one it commits at once), so a change is never kept without its record nor a record
 * without its change; {@link #ofReservation} reads one reservation's rows in insertion order, at
 * most {@code limit}. The adapter's masking of personal data and its length cuts are not imitated:
 * tests see the details exactly as the use case wrote them. {@link #failWith} makes writes fail.
 */
public final class RecordingAuditTrail implements AuditTrail {

  /** One audit row with the transaction it was written in (0: none). */
  public record Recorded(AuditRecord record, long transaction) {}

  private final TransactionalState<List<Recorded>> rows =
      new TransactionalState<>(new ArrayList<>(), ArrayList::new);
  private RuntimeException failure;

  @Override
  public Mono<Void> record(AuditRecord record) {
    return Mono.fromRunnable(
        () -> {
          RuntimeException failing = failure();
          if (failing != null) {
            throw failing;
          }
          rows.apply(recorded -> recorded.add(new Recorded(record, rows.transaction())));
        });
  }

  @Override
  public Flux<AuditRecord> ofReservation(String reservationCode, int limit) {
    return Flux.defer(
        () ->
            Flux.fromIterable(
                records().stream()
                    .filter(r -> Objects.equals(r.reservationCode(), reservationCode))
                    .limit(limit)
                    .toList()));
  }

  /** Every write from now on fails with {@code failure}; {@code null} heals it. */
  public synchronized void failWith(RuntimeException failure) {
    this.failure = failure;
  }

  public List<Recorded> recorded() {
    return rows.apply(List::copyOf);
  }

  public List<AuditRecord> records() {
    return recorded().stream().map(Recorded::record).toList();
  }

  /** Its table, which takes part in the transaction runner's transactions. */
  public TransactionParticipant table() {
    return rows;
  }

  private synchronized RuntimeException failure() {
    return failure;
  }
}
