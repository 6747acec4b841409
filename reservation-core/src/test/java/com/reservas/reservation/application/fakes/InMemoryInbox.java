package com.reservas.reservation.application.fakes;

import com.reservas.reservation.application.port.out.Inbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Imitates {@code R2dbcInbox}: an {@code INSERT IGNORE} of the pair (consumer, event id), which
 * emits {@code true} when the row is new and {@code false} when this consumer already processed the
 * event (another consumer's row does not count). The row is part of the caller's transaction: when
 * the effect rolls back, the event counts as unprocessed again.
 */
public final class InMemoryInbox implements Inbox {

  /** The inbox table's primary key. */
  public record Processed(String consumer, UUID eventId) {}

  private final TransactionalState<Map<Processed, Long>> rows =
      new TransactionalState<>(new LinkedHashMap<>(), LinkedHashMap::new);

  @Override
  public Mono<Boolean> markProcessed(String consumer, UUID eventId) {
    return Mono.fromCallable(
        () ->
            rows.apply(
                processed ->
                    processed.putIfAbsent(new Processed(consumer, eventId), rows.transaction())
                        == null));
  }

  public boolean contains(String consumer, UUID eventId) {
    return rows.apply(processed -> processed.containsKey(new Processed(consumer, eventId)));
  }

  /** The rows with the transaction each was written in (0: none). */
  public Map<Processed, Long> processed() {
    return rows.apply(Map::copyOf);
  }

  /** Its table, which takes part in the transaction runner's transactions. */
  public TransactionParticipant table() {
    return rows;
  }
}
