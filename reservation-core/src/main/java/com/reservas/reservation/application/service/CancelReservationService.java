package com.reservas.reservation.application.service;

import com.reservas.reservation.application.port.in.CancelReservationUseCase;
import com.reservas.reservation.application.port.out.AuditTrail;
import com.reservas.reservation.application.port.out.ReservationRepository;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationCode;
import com.reservas.reservation.domain.Transition;
import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * The customer's cancellation: a transition like any saga step, written with compare-and-set so it
 * wins or loses cleanly against outcomes being applied at the same moment. The {@code
 * reservation.cancelled} audit record is written in the same transaction.
 */
public final class CancelReservationService implements CancelReservationUseCase {

  public static final String DEFAULT_REASON = "cancelled by customer";

  private final ReservationRepository reservations;
  private final TransitionWriter writer;
  private final Clock clock;
  private final AuditTrail audit;

  public CancelReservationService(
      ReservationRepository reservations, TransitionWriter writer, Clock clock, AuditTrail audit) {
    this.reservations = reservations;
    this.writer = writer;
    this.clock = clock;
    this.audit = audit;
  }

  /** Without an audit trail: for tools and tests. Services pass theirs. */
  public CancelReservationService(
      ReservationRepository reservations, TransitionWriter writer, Clock clock) {
    this(reservations, writer, clock, AuditTrail.none());
  }

  @Override
  public Mono<CancellationResult> cancel(CancelReservationCommand command) {
    String reason =
        command.reason() == null || command.reason().isBlank()
            ? DEFAULT_REASON
            : command.reason().strip();
    return Mono.justOrEmpty(ReservationCode.parse(command.code()))
        .flatMap(
            code ->
                writer.inTransactionRetryingConflicts(
                    () ->
                        reservations
                            .findByCode(code)
                            .filter(r -> r.clientId().equals(command.clientId()))
                            .flatMap(r -> decide(r, reason, command))))
        .defaultIfEmpty(new CancellationResult.NotFound());
  }

  private Mono<CancellationResult> decide(
      Reservation reservation, String reason, CancelReservationCommand command) {
    Instant now = clock.instant();
    Transition transition = reservation.cancel(reason, now);
    if (transition instanceof Transition.Applied applied) {
      return writer
          .write(applied, command.traceparent())
          .then(
              audit.record(
                  AuditRecords.cancelled(
                      reservation,
                      applied.reservation(),
                      command.clientId(),
                      command.sourceIp(),
                      now)))
          .thenReturn(new CancellationResult.Accepted(applied.reservation()));
    }
    String why =
        transition instanceof Transition.Refused refused
            ? refused.why()
            : ((Transition.Unchanged) transition).why();
    return Mono.just(new CancellationResult.NotCancellable(why));
  }
}
