package com.reservas.reservation.application.service;

import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase;
import com.reservas.reservation.application.port.out.ExternalCallLog;
import com.reservas.reservation.application.port.out.Inbox;
import com.reservas.reservation.application.port.out.ReservationRepository;
import com.reservas.reservation.domain.ReservationCode;
import com.reservas.reservation.domain.Transition;
import reactor.core.publisher.Mono;

/**
 * Applies one payment or supplier outcome in one transaction: inbox row, state (compare-and-set),
 * history row, audit payloads and the next event. A redelivered event finds its inbox row and
 * changes nothing; a lost race rolls everything back and re-applies from a fresh read.
 */
public final class ApplyOutcomeService implements ApplyOutcomeUseCase {

  private final Inbox inbox;
  private final ReservationRepository reservations;
  private final ExternalCallLog callLog;
  private final TransitionWriter writer;

  public ApplyOutcomeService(
      Inbox inbox,
      ReservationRepository reservations,
      ExternalCallLog callLog,
      TransitionWriter writer) {
    this.inbox = inbox;
    this.reservations = reservations;
    this.callLog = callLog;
    this.writer = writer;
  }

  @Override
  public Mono<OutcomeResult> apply(OutcomeCommand command) {
    var code = ReservationCode.parse(command.reservationCode());
    if (code.isEmpty()) {
      return Mono.just(OutcomeResult.UNKNOWN_RESERVATION);
    }
    return writer.inTransactionRetryingConflicts(
        () ->
            inbox
                .markProcessed(command.consumer(), command.eventId())
                .flatMap(
                    firstTime ->
                        firstTime
                            ? applyOnce(code.get(), command)
                            : Mono.just(OutcomeResult.DUPLICATE)));
  }

  private Mono<OutcomeResult> applyOnce(ReservationCode code, OutcomeCommand command) {
    return reservations
        .findByCode(code)
        .flatMap(
            reservation -> {
              Transition transition = reservation.apply(command.outcome(), command.occurredAt());
              Mono<Void> audit = callLog.record(code.value(), command.eventId(), command.calls());
              if (transition instanceof Transition.Applied applied) {
                return writer
                    .write(applied, command.traceparent())
                    .then(audit)
                    .thenReturn(OutcomeResult.APPLIED);
              }
              return audit.thenReturn(OutcomeResult.UNCHANGED);
            })
        .defaultIfEmpty(OutcomeResult.UNKNOWN_RESERVATION);
  }
}
