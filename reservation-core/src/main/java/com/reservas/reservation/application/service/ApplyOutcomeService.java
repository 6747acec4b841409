package com.reservas.reservation.application.service;

import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase;
import com.reservas.reservation.application.port.out.AuditTrail;
import com.reservas.reservation.application.port.out.ExternalCallLog;
import com.reservas.reservation.application.port.out.Inbox;
import com.reservas.reservation.application.port.out.ReservationRepository;
import com.reservas.reservation.domain.ReservationCode;
import com.reservas.reservation.domain.Transition;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies one payment or supplier outcome in one transaction: inbox row, state (compare-and-set),
 * history row, the {@code reservation.status-changed} audit record (actor: the consumer), the
 * recorded external-call payloads and the next event. A redelivered event finds its inbox row and
 * changes nothing; a lost race rolls everything back and re-applies from a fresh read.
 */
public final class ApplyOutcomeService implements ApplyOutcomeUseCase {

  /** Aborts the transaction of an outcome that came too early. */
  private static final class PrematureOutcomeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PrematureOutcomeException(String why) {
      super(why, null, false, false);
    }
  }

  private final Inbox inbox;
  private final ReservationRepository reservations;
  private final ExternalCallLog callLog;
  private final TransitionWriter writer;
  private final AuditTrail audit;

  public ApplyOutcomeService(
      Inbox inbox,
      ReservationRepository reservations,
      ExternalCallLog callLog,
      TransitionWriter writer,
      AuditTrail audit) {
    this.inbox = inbox;
    this.reservations = reservations;
    this.callLog = callLog;
    this.writer = writer;
    this.audit = audit;
  }

  /** Without an audit trail: for tools and tests. Services pass theirs. */
  public ApplyOutcomeService(
      Inbox inbox,
      ReservationRepository reservations,
      ExternalCallLog callLog,
      TransitionWriter writer) {
    this(inbox, reservations, callLog, writer, AuditTrail.none());
  }

  @Override
  public Mono<OutcomeResult> apply(OutcomeCommand command) {
    if (ReservationCode.parse(command.reservationCode()).isEmpty()) {
      return Mono.just(OutcomeResult.UNKNOWN_RESERVATION);
    }
    return writer
        .inTransactionRetryingConflicts(() -> applyInTransaction(command))
        .onErrorResume(PrematureOutcomeException.class, e -> Mono.just(OutcomeResult.PREMATURE));
  }

  /**
   * One transaction for all: a premature outcome fails it ({@link PrematureOutcomeException}), so
   * that the group is rolled back and applied one by one, where the premature one alone waits.
   */
  @Override
  public Mono<List<OutcomeResult>> applyAll(List<OutcomeCommand> commands) {
    return writer.inTransactionRetryingConflicts(
        () -> Flux.fromIterable(commands).concatMap(this::applyInTransaction).collectList());
  }

  private Mono<OutcomeResult> applyInTransaction(OutcomeCommand command) {
    var code = ReservationCode.parse(command.reservationCode());
    if (code.isEmpty()) {
      return Mono.just(OutcomeResult.UNKNOWN_RESERVATION);
    }
    return inbox
        .markProcessed(command.consumer(), command.eventId())
        .flatMap(
            firstTime ->
                firstTime ? applyOnce(code.get(), command) : Mono.just(OutcomeResult.DUPLICATE));
  }

  private Mono<OutcomeResult> applyOnce(ReservationCode code, OutcomeCommand command) {
    return reservations
        .findByCode(code)
        .flatMap(
            reservation -> {
              Transition transition = reservation.apply(command.outcome(), command.occurredAt());
              Mono<Void> recordCalls =
                  callLog.record(code.value(), command.eventId(), command.calls());
              if (transition instanceof Transition.Applied applied) {
                Mono<Void> statusChange =
                    Mono.justOrEmpty(
                            AuditRecords.statusChanged(
                                reservation,
                                applied.reservation(),
                                command.consumer(),
                                command.occurredAt(),
                                describe(command)))
                        .flatMap(audit::record);
                return writer
                    .write(applied, command.traceparent())
                    .then(statusChange)
                    .then(recordCalls)
                    .thenReturn(OutcomeResult.APPLIED);
              }
              if (transition instanceof Transition.Premature premature) {
                // Roll back the inbox row too: the event must count as unprocessed.
                return Mono.error(new PrematureOutcomeException(premature.why()));
              }
              return recordCalls.thenReturn(OutcomeResult.UNCHANGED);
            })
        .defaultIfEmpty(OutcomeResult.UNKNOWN_RESERVATION);
  }

  private static String describe(OutcomeCommand command) {
    return "outcome "
        + command.outcome().getClass().getSimpleName()
        + ", event "
        + command.eventId();
  }
}
