package com.reservas.reservation.adapter.out.metrics;

import com.reservas.reservation.application.port.out.SagaProgress;
import com.reservas.reservation.domain.PaymentStatus;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationStatus;
import com.reservas.reservation.domain.StatusChange;
import com.reservas.reservation.domain.Transition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The saga's business metrics, measured on the reservation's own timeline (its creation time and
 * status history, the times the outcomes occurred), not on the clock of the service that applies
 * them:
 *
 * <ul>
 *   <li>{@code reservas.reservation.creations} — counter: reservations created (the API; not {@code
 *       ...created}, whose {@code _created} suffix Prometheus reserves for the time a counter was
 *       created)
 *   <li>{@code reservas.reservations.settled{status}} — counter: reservations that reached a final
 *       status, {@code confirmed} (supplier confirmed and payment captured) or {@code cancelled}
 *   <li>{@code reservas.saga.step{from,to}} — timer (histogram): {@code created → paid} (payment
 *       authorized) and {@code paid → supplier_confirmed} (car booked)
 *   <li>{@code reservas.saga.duration{status}} — timer (histogram): creation to final status
 * </ul>
 *
 * The status projector applies the saga's steps and the API the customers' cancellations; each
 * service counts what it commits.
 */
public final class MicrometerSagaProgress implements SagaProgress {

  static final String CONFIRMED = "confirmed";
  static final String CANCELLED = "cancelled";

  private final MeterRegistry meters;
  private final Counter created;

  public MicrometerSagaProgress(MeterRegistry meters) {
    this.meters = meters;
    this.created =
        Counter.builder("reservas.reservation.creations")
            .description("Reservations created")
            .register(meters);
    for (String status : new String[] {CONFIRMED, CANCELLED}) {
      settled(status);
      duration(status);
    }
    step(ReservationStatus.CREATED, ReservationStatus.PAID);
    step(ReservationStatus.PAID, ReservationStatus.SUPPLIER_CONFIRMED);
  }

  @Override
  public void created(Reservation reservation) {
    created.increment();
  }

  @Override
  public void committed(Transition.Applied applied) {
    Reservation reservation = applied.reservation();
    Optional<StatusChange> change = applied.historyEntry();
    if (change.isPresent()) {
      StatusChange reached = change.get();
      switch (reached.status()) {
        case PAID ->
            step(ReservationStatus.CREATED, ReservationStatus.PAID)
                .record(between(reservation.createdAt(), reached.at()));
        case SUPPLIER_CONFIRMED ->
            reachedAt(reservation, ReservationStatus.PAID)
                .ifPresent(
                    paidAt ->
                        step(ReservationStatus.PAID, ReservationStatus.SUPPLIER_CONFIRMED)
                            .record(between(paidAt, reached.at())));
        case CANCELLED -> settle(reservation, CANCELLED, reached.at());
        case CREATED, PAYMENT_IN_PROGRESS -> {}
      }
    } else if (reservation.status() == ReservationStatus.SUPPLIER_CONFIRMED
        && reservation.paymentStatus() == PaymentStatus.CAPTURED) {
      // The capture is the only change that leaves a confirmed reservation captured.
      settle(reservation, CONFIRMED, reservation.updatedAt());
    }
  }

  private void settle(Reservation reservation, String status, Instant at) {
    settled(status).increment();
    duration(status).record(between(reservation.createdAt(), at));
  }

  private static Optional<Instant> reachedAt(Reservation reservation, ReservationStatus status) {
    return reservation.history().stream()
        .filter(change -> change.status() == status)
        .map(StatusChange::at)
        .findFirst();
  }

  private static Duration between(Instant from, Instant to) {
    Duration elapsed = Duration.between(from, to);
    return elapsed.isNegative() ? Duration.ZERO : elapsed;
  }

  private Counter settled(String status) {
    return Counter.builder("reservas.reservations.settled")
        .description("Reservations that reached a final status")
        .tag("status", status)
        .register(meters);
  }

  private Timer duration(String status) {
    return histogram(Timer.builder("reservas.saga.duration").tag("status", status))
        .description("From a reservation's creation to its final status")
        .register(meters);
  }

  private Timer step(ReservationStatus from, ReservationStatus to) {
    return histogram(
            Timer.builder("reservas.saga.step").tag("from", name(from)).tag("to", name(to)))
        .description("From a reservation reaching one status of the saga to the next")
        .register(meters);
  }

  private static Timer.Builder histogram(Timer.Builder timer) {
    return timer
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(10))
        .maximumExpectedValue(Duration.ofHours(1));
  }

  private static String name(ReservationStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
