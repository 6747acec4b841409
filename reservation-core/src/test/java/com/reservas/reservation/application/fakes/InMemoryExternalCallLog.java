package com.reservas.reservation.application.fakes;

import com.reservas.reservation.application.port.out.ExternalCallLog;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Imitates {@code R2dbcExternalCallLog}: one row per call, written in the caller's transaction and
 * rolled back with it; an empty list writes nothing.
 */
public final class InMemoryExternalCallLog implements ExternalCallLog {

  /** One {@code external_call} row. */
  public record Row(String reservationCode, UUID eventId, ExternalCall call, long transaction) {}

  private final TransactionalState<List<Row>> rows =
      new TransactionalState<>(new ArrayList<>(), ArrayList::new);

  @Override
  public Mono<Void> record(String reservationCode, UUID eventId, List<ExternalCall> calls) {
    return Mono.fromRunnable(
        () ->
            rows.apply(
                stored -> {
                  for (ExternalCall call : calls) {
                    stored.add(new Row(reservationCode, eventId, call, rows.transaction()));
                  }
                  return null;
                }));
  }

  public List<Row> rows() {
    return rows.apply(List::copyOf);
  }

  /** Its table, which takes part in the transaction runner's transactions. */
  public TransactionParticipant table() {
    return rows;
  }
}
