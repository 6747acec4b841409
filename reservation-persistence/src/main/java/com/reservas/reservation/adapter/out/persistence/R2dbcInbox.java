package com.reservas.reservation.adapter.out.persistence;

import com.reservas.reservation.application.port.out.Inbox;
import java.time.Clock;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Processed events per consumer. {@code INSERT IGNORE} affects no row when the pair is already
 * there, which tells a redelivery apart without an exception (same on MySQL and MariaDB).
 */
public final class R2dbcInbox implements Inbox {

  private final DatabaseClient db;
  private final Clock clock;

  public R2dbcInbox(DatabaseClient db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Mono<Boolean> markProcessed(String consumer, UUID eventId) {
    return db.sql(
            "INSERT IGNORE INTO inbox_event (consumer, event_id, processed_at)"
                + " VALUES (:consumer, :eventId, :at)")
        .bind("consumer", consumer)
        .bind("eventId", eventId.toString())
        .bind("at", UtcTimes.toColumn(clock.instant()))
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }
}
