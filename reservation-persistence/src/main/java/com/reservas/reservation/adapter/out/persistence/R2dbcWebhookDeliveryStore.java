package com.reservas.reservation.adapter.out.persistence;

import com.reservas.reservation.application.port.out.WebhookDeliveryStore;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code webhook_delivery} schedule and its {@code webhook_attempt} log. A delivery is {@code
 * PENDING} until it succeeds ({@code DELIVERED}) or is given up ({@code FAILED}).
 */
public final class R2dbcWebhookDeliveryStore implements WebhookDeliveryStore {

  static final String PENDING = "PENDING";
  static final String DELIVERED = "DELIVERED";
  static final String FAILED = "FAILED";

  private final DatabaseClient db;

  public R2dbcWebhookDeliveryStore(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Void> schedule(Delivery d) {
    // INSERT IGNORE would also hide a foreign-key failure (an endpoint deleted meanwhile), which
    // is what we want: nothing to deliver to.
    return db.sql(
            """
            INSERT IGNORE INTO webhook_delivery
              (endpoint_id, event_id, reservation_code, sequence_no, payload, state, attempts,
               created_at, next_attempt_at)
            VALUES (:endpoint, :event, :code, :seq, :payload, 'PENDING', 0, :createdAt, :due)
            """)
        .bind("endpoint", d.endpointId())
        .bind("event", d.eventId())
        .bind("code", d.reservationCode())
        .bind("seq", d.sequence())
        .bind("payload", d.payload())
        .bind("createdAt", UtcTimes.toColumn(d.createdAt()))
        .bind("due", UtcTimes.toColumn(d.nextAttemptAt()))
        .fetch()
        .rowsUpdated()
        .then();
  }

  @Override
  public Flux<Delivery> due(Instant now, int limit) {
    // The heads: due, of an enabled endpoint, with no pending delivery of the same endpoint and
    // reservation before them (a lower sequence, or the same sequence recorded earlier); the
    // oldest first, at most :limit. Then every pending delivery of each head's queue, in order.
    return db.sql(
            """
            SELECT d.endpoint_id, d.event_id, d.reservation_code, d.sequence_no, d.payload,
                   d.attempts, d.created_at, d.next_attempt_at
            FROM (
              SELECT h.endpoint_id, h.reservation_code, h.next_attempt_at AS head_due
              FROM webhook_delivery h
              JOIN webhook_endpoint e ON e.id = h.endpoint_id AND e.enabled = TRUE
              WHERE h.state = 'PENDING' AND h.next_attempt_at <= :now
                AND NOT EXISTS (
                  SELECT 1 FROM webhook_delivery p
                  WHERE p.endpoint_id = h.endpoint_id AND p.reservation_code = h.reservation_code
                    AND p.state = 'PENDING'
                    AND (p.sequence_no < h.sequence_no
                         OR (p.sequence_no = h.sequence_no AND p.created_at < h.created_at)))
              ORDER BY h.next_attempt_at
              LIMIT :limit) heads
            JOIN webhook_delivery d
              ON d.endpoint_id = heads.endpoint_id AND d.reservation_code = heads.reservation_code
                 AND d.state = 'PENDING'
            ORDER BY heads.head_due, d.endpoint_id, d.reservation_code, d.sequence_no, d.created_at
            """)
        .bind("now", UtcTimes.toColumn(now))
        .bind("limit", limit)
        .map(R2dbcWebhookDeliveryStore::delivery)
        .all();
  }

  @Override
  public Mono<Void> succeeded(Delivery delivery, Attempt attempt) {
    return finish(delivery, attempt, DELIVERED, null);
  }

  @Override
  public Mono<Void> retryLater(Delivery delivery, Attempt attempt, Instant nextAttemptAt) {
    return finish(delivery, attempt, PENDING, nextAttemptAt);
  }

  @Override
  public Mono<Void> gaveUp(Delivery delivery, Attempt attempt) {
    return finish(delivery, attempt, FAILED, null);
  }

  private Mono<Void> finish(Delivery d, Attempt a, String state, Instant next) {
    GenericExecuteSpec update =
        db.sql(
                """
                UPDATE webhook_delivery SET state = :state, attempts = :attempts,
                  next_attempt_at = :next
                WHERE endpoint_id = :endpoint AND event_id = :event
                """)
            .bind("state", state)
            .bind("attempts", a.attempt())
            .bind("endpoint", d.endpointId())
            .bind("event", d.eventId());
    update =
        next == null
            ? update.bindNull("next", LocalDateTime.class)
            : update.bind("next", UtcTimes.toColumn(next));
    GenericExecuteSpec log =
        db.sql(
                """
                INSERT INTO webhook_attempt
                  (endpoint_id, event_id, reservation_code, attempt, attempted_at, status_code,
                   error, duration_ms, next_retry_at)
                VALUES (:endpoint, :event, :code, :attempt, :at, :status, :error, :duration, :next)
                """)
            .bind("endpoint", d.endpointId())
            .bind("event", d.eventId())
            .bind("code", d.reservationCode())
            .bind("attempt", a.attempt())
            .bind("at", UtcTimes.toColumn(a.at()))
            .bind("duration", a.durationMillis());
    log =
        a.statusCode().isPresent()
            ? log.bind("status", a.statusCode().get())
            : log.bindNull("status", Integer.class);
    log =
        R2dbcReservationRepository.bindNullable(
            log, "error", a.error().map(e -> e.length() > 255 ? e.substring(0, 255) : e));
    log =
        next == null
            ? log.bindNull("next", LocalDateTime.class)
            : log.bind("next", UtcTimes.toColumn(next));
    return log.fetch().rowsUpdated().then(update.fetch().rowsUpdated()).then();
  }

  @Override
  public Flux<Attempt> recentAttempts(String endpointId, int limit) {
    return db.sql(
            """
            SELECT event_id, reservation_code, attempt, attempted_at, status_code, error,
                   duration_ms, next_retry_at
            FROM webhook_attempt WHERE endpoint_id = :endpoint ORDER BY id DESC LIMIT :limit
            """)
        .bind("endpoint", endpointId)
        .bind("limit", limit)
        .map(
            row ->
                new Attempt(
                    row.get("event_id", String.class),
                    row.get("reservation_code", String.class),
                    row.get("attempt", Integer.class),
                    UtcTimes.fromColumn(row.get("attempted_at", LocalDateTime.class)),
                    Optional.ofNullable(row.get("status_code", Integer.class)),
                    Optional.ofNullable(row.get("error", String.class)),
                    row.get("duration_ms", Long.class),
                    Optional.ofNullable(row.get("next_retry_at", LocalDateTime.class))
                        .map(UtcTimes::fromColumn)))
        .all();
  }

  @Override
  public Mono<Boolean> redeliver(String endpointId, String eventId, Instant now) {
    return db.sql(
            """
            UPDATE webhook_delivery SET state = 'PENDING', next_attempt_at = :now
            WHERE endpoint_id = :endpoint AND event_id = :event
            """)
        .bind("now", UtcTimes.toColumn(now))
        .bind("endpoint", endpointId)
        .bind("event", eventId)
        .fetch()
        .rowsUpdated()
        .flatMap(rows -> rows > 0 ? Mono.just(true) : exists(endpointId, eventId));
  }

  private Mono<Boolean> exists(String endpointId, String eventId) {
    return db.sql(
            "SELECT COUNT(*) AS n FROM webhook_delivery"
                + " WHERE endpoint_id = :endpoint AND event_id = :event")
        .bind("endpoint", endpointId)
        .bind("event", eventId)
        .map(row -> row.get("n", Long.class))
        .one()
        .map(n -> n > 0);
  }

  @Override
  public Mono<List<Backlog>> backlog() {
    return db.sql(
            "SELECT endpoint_id, COUNT(*) AS n FROM webhook_delivery WHERE state = 'PENDING'"
                + " GROUP BY endpoint_id")
        .map(row -> new Backlog(row.get("endpoint_id", String.class), row.get("n", Long.class)))
        .all()
        .collectList();
  }

  private static Delivery delivery(Readable row) {
    LocalDateTime next = row.get("next_attempt_at", LocalDateTime.class);
    return new Delivery(
        row.get("endpoint_id", String.class),
        row.get("event_id", String.class),
        row.get("reservation_code", String.class),
        row.get("sequence_no", Long.class),
        row.get("payload", String.class),
        row.get("attempts", Integer.class),
        UtcTimes.fromColumn(row.get("created_at", LocalDateTime.class)),
        next == null ? null : UtcTimes.fromColumn(next));
  }
}
