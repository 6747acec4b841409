package com.reservas.reservation.application.service;

import com.reservas.reservation.application.port.in.StuckReservationsUseCase;
import com.reservas.reservation.application.port.out.AuditTrail;
import com.reservas.reservation.application.port.out.ReservationRepository;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stuck-reservation policy. A reservation silent for {@code remindAfter} is re-announced (its
 * current snapshot re-published) so the consumers retry the step; their idempotency keys make this
 * safe. An unconfirmed reservation older than {@code expireAfter} is cancelled instead, and the
 * cancellation releases whatever arrives later. Nothing is ever left waiting silently. An expiry is
 * audited as a {@code reservation.status-changed} by {@value #ACTOR}.
 */
public final class StuckReservationsService implements StuckReservationsUseCase {

  /** Policy settings. */
  public record Policy(Duration remindAfter, Duration expireAfter, int batchSize) {
    public Policy {
      if (expireAfter.compareTo(remindAfter) <= 0 || batchSize < 1) {
        throw new IllegalArgumentException("expireAfter must exceed remindAfter; batchSize >= 1");
      }
    }
  }

  public static final String REMINDER = "no answer yet: request repeated";
  public static final String EXPIRED = "expired: no payment or supplier answer in time";

  /** Who the audit log names for the policy's changes. */
  public static final String ACTOR = "stuck-reservations-policy";

  private final ReservationRepository reservations;
  private final TransitionWriter writer;
  private final Clock clock;
  private final Policy policy;
  private final AuditTrail audit;

  public StuckReservationsService(
      ReservationRepository reservations,
      TransitionWriter writer,
      Clock clock,
      Policy policy,
      AuditTrail audit) {
    this.reservations = reservations;
    this.writer = writer;
    this.clock = clock;
    this.policy = policy;
    this.audit = audit;
  }

  /** Without an audit trail: for tools and tests. Services pass theirs. */
  public StuckReservationsService(
      ReservationRepository reservations, TransitionWriter writer, Clock clock, Policy policy) {
    this(reservations, writer, clock, policy, AuditTrail.none());
  }

  @Override
  public Mono<List<Reservation>> stuck() {
    // One that needs a person and still waits for the other leg's answer is in both lists.
    return candidates()
        .concatWith(reservations.findNeedingAttention(policy.batchSize()))
        .distinct(Reservation::code)
        .collectList();
  }

  @Override
  public Mono<List<Reservation>> needingAttention() {
    return reservations.findNeedingAttention(policy.batchSize()).collectList();
  }

  @Override
  public Mono<Resolution> resolve() {
    return candidates()
        .concatMap(
            r -> resolveOne(r).onErrorResume(StaleReservationException.class, e -> Mono.empty()))
        .reduce(
            new Resolution(0, 0),
            (sum, expired) ->
                expired
                    ? new Resolution(sum.reminded(), sum.expired() + 1)
                    : new Resolution(sum.reminded() + 1, sum.expired()));
  }

  private Flux<Reservation> candidates() {
    Instant silentSince = clock.instant().minus(policy.remindAfter());
    return reservations
        .findAwaitingOutcomeSince(silentSince, policy.batchSize())
        .filter(Reservation::awaitsOutcome);
  }

  /** Emits true when the reservation expired, false when it was reminded. */
  private Mono<Boolean> resolveOne(Reservation candidate) {
    Instant now = clock.instant();
    boolean expire = candidate.createdAt().isBefore(now.minus(policy.expireAfter()));
    return writer.inTransactionRetryingConflicts(
        () ->
            reservations
                .findByCode(candidate.code())
                .flatMap(
                    current -> {
                      Transition transition =
                          expire ? current.expire(EXPIRED, now) : current.remind(REMINDER, now);
                      if (expire && !(transition instanceof Transition.Applied)) {
                        transition = current.remind(REMINDER, now);
                      }
                      if (!(transition instanceof Transition.Applied applied)) {
                        return Mono.<Boolean>empty();
                      }
                      Mono<Void> statusChange =
                          Mono.justOrEmpty(
                                  AuditRecords.statusChanged(
                                      current,
                                      applied.reservation(),
                                      ACTOR,
                                      now,
                                      expire ? "expired by policy" : "reminded by policy"))
                              .flatMap(audit::record);
                      return writer
                          .write(applied, null)
                          .then(statusChange)
                          .thenReturn(applied.reservation().status() != current.status());
                    }));
  }
}
