package com.reservas.reservation.adapter.out.persistence;

import com.reservas.reservation.application.port.out.ExternalCallLog;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Stores the masked external-call records that arrive with each outcome event. */
public final class R2dbcExternalCallLog implements ExternalCallLog {

  private final DatabaseClient db;

  public R2dbcExternalCallLog(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Void> record(String reservationCode, UUID eventId, List<ExternalCall> calls) {
    return Flux.fromIterable(calls)
        .concatMap(
            call -> {
              var insert =
                  db.sql(
                          """
                          INSERT INTO external_call (reservation_code, event_id, operation,
                            request_id, method, url, request_body, response_status, response_body,
                            started_at, duration_millis)
                          VALUES (:code, :eventId, :operation, :requestId, :method, :url,
                            :requestBody, :status, :responseBody, :startedAt, :duration)
                          """)
                      .bind("code", reservationCode)
                      .bind("eventId", eventId.toString())
                      .bind("operation", call.operation())
                      .bind("requestId", call.requestId())
                      .bind("method", call.method())
                      .bind("url", call.url())
                      .bind("status", call.responseStatus())
                      .bind("startedAt", UtcTimes.toColumn(call.startedAt()))
                      .bind("duration", call.durationMillis());
              insert =
                  R2dbcReservationRepository.bindNullable(
                      insert, "requestBody", Optional.ofNullable(call.requestBody()));
              insert =
                  R2dbcReservationRepository.bindNullable(
                      insert, "responseBody", Optional.ofNullable(call.responseBody()));
              return insert.then();
            })
        .then();
  }
}
