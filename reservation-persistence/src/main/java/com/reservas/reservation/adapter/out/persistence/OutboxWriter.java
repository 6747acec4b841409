package com.reservas.reservation.adapter.out.persistence;

import java.time.Clock;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The one place that writes outbox rows, for every topic (reservation events from the API and the
 * projector, outcome events from the consumers if they ever write through a database).
 */
public final class OutboxWriter {

  /** One event to publish: Kafka topic, key, type header, value bytes and trace context. */
  public record OutboxRow(
      UUID eventId,
      String topic,
      String key,
      String eventType,
      byte[] payload,
      String traceparent) {}

  private final DatabaseClient db;
  private final Clock clock;
  private final boolean keepRows;

  /**
   * @param keepRows leave rows in the table (for inspection in tests); in production rows are
   *     deleted in the same transaction and only the binlog carries them
   */
  public OutboxWriter(DatabaseClient db, Clock clock, boolean keepRows) {
    this.db = db;
    this.clock = clock;
    this.keepRows = keepRows;
  }

  public Mono<Void> write(OutboxRow row) {
    String id = row.eventId().toString();
    DatabaseClient.GenericExecuteSpec insert =
        db.sql(
                """
                INSERT INTO outbox_event
                  (id, aggregate_type, aggregate_id, event_type, payload, traceparent, created_at)
                VALUES (:id, :topic, :key, :type, :payload, :traceparent, :createdAt)
                """)
            .bind("id", id)
            .bind("topic", row.topic())
            .bind("key", row.key())
            .bind("type", row.eventType())
            .bind("payload", row.payload())
            .bind("createdAt", UtcTimes.toColumn(clock.instant()));
    insert =
        row.traceparent() == null
            ? insert.bindNull("traceparent", String.class)
            : insert.bind("traceparent", row.traceparent());
    Mono<Void> inserted = insert.then();
    if (keepRows) {
      return inserted;
    }
    return inserted.then(db.sql("DELETE FROM outbox_event WHERE id = :id").bind("id", id).then());
  }
}
