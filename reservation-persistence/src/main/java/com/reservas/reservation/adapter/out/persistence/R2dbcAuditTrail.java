package com.reservas.reservation.adapter.out.persistence;

import com.reservas.reservation.application.port.out.AuditRecord;
import com.reservas.reservation.application.port.out.AuditTrail;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code audit_log} table. Details pass through the masker before they are stored, so free text
 * (a cancellation reason, say) cannot carry an e-mail address or a phone number into the log. Joins
 * the caller's transaction like every other adapter on the same {@link DatabaseClient}.
 */
public final class R2dbcAuditTrail implements AuditTrail {

  static final int MAX_ACTOR = 64;
  static final int MAX_ACTION = 64;
  static final int MAX_SOURCE_IP = 45;
  static final int MAX_DETAILS = 1_000;

  private final DatabaseClient db;
  private final UnaryOperator<String> masker;

  /**
   * @param masker masks personal data in free text (the privacy module's {@code
   *     PersonalDataMasker::maskText})
   */
  public R2dbcAuditTrail(DatabaseClient db, UnaryOperator<String> masker) {
    this.db = db;
    this.masker = masker;
  }

  @Override
  public Mono<Void> record(AuditRecord record) {
    var insert =
        db.sql(
                """
                INSERT INTO audit_log (occurred_at, actor, action, reservation_code, source_ip,
                  details)
                VALUES (:at, :actor, :action, :code, :ip, :details)
                """)
            .bind("at", UtcTimes.toColumn(record.occurredAt()))
            .bind("actor", cut(record.actor(), MAX_ACTOR))
            .bind("action", cut(record.action().code(), MAX_ACTION));
    insert =
        R2dbcReservationRepository.bindNullable(
            insert, "code", Optional.ofNullable(record.reservationCode()));
    insert =
        R2dbcReservationRepository.bindNullable(
            insert, "ip", Optional.ofNullable(record.sourceIp()).map(ip -> cut(ip, MAX_SOURCE_IP)));
    insert =
        R2dbcReservationRepository.bindNullable(
            insert,
            "details",
            Optional.ofNullable(record.details())
                .map(masker)
                .map(details -> cut(details, MAX_DETAILS)));
    return insert.then();
  }

  @Override
  public Flux<AuditRecord> ofReservation(String reservationCode, int limit) {
    return db.sql(
            """
            SELECT occurred_at, actor, action, reservation_code, source_ip, details
            FROM audit_log WHERE reservation_code = :code ORDER BY id LIMIT :limit
            """)
        .bind("code", reservationCode)
        .bind("limit", limit)
        .map(
            (row, meta) ->
                Optional.ofNullable(row.get("action", String.class))
                    .flatMap(AuditRecord.Action::ofCode)
                    .map(
                        action ->
                            new AuditRecord(
                                UtcTimes.fromColumn(row.get("occurred_at", LocalDateTime.class)),
                                row.get("actor", String.class),
                                action,
                                row.get("reservation_code", String.class),
                                row.get("source_ip", String.class),
                                row.get("details", String.class))))
        .all()
        .flatMap(Mono::justOrEmpty);
  }

  /** At most {@code max} characters, never half a surrogate pair. */
  private static String cut(String value, int max) {
    if (value.length() <= max) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    return value.substring(0, end);
  }
}
