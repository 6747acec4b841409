package com.reservas.projector.adapter.in.scheduling;

import com.reservas.reservation.adapter.out.persistence.R2dbcPolicyLease;
import com.reservas.reservation.application.port.in.StuckReservationsUseCase;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the stuck-reservation policy every {@code checkEvery}, at once at start, in one replica at a
 * time: each pass takes or renews the lease first and is skipped while another replica holds it
 * (docs/reliability.md §3). Every pass, in every replica, updates the gauges {@code
 * reservas.reservations.stuck{status}} (one series per reservation status, so an alert can say
 * where the saga stops) and {@code reservas.reservations.needing.attention}. The lease is released
 * on shutdown, so a rolling restart hands the policy over at once.
 *
 * <p>Each step of a pass waits at most {@code stepTimeout} for the database: an answer lost on the
 * way (a connection dropped under a query) ends that pass with a warning instead of holding the
 * scheduler's only thread, and with it every later pass, for good.
 */
public class StuckReservationsJob implements SchedulingConfigurer, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(StuckReservationsJob.class);
  private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(5);

  private final StuckReservationsUseCase stuck;
  private final R2dbcPolicyLease lease;
  private final Duration checkEvery;
  private final Duration stepTimeout;
  private final Map<ReservationStatus, AtomicInteger> stuckByStatus =
      new EnumMap<>(ReservationStatus.class);
  private final AtomicInteger needingAttention = new AtomicInteger();

  public StuckReservationsJob(
      StuckReservationsUseCase stuck,
      R2dbcPolicyLease lease,
      Duration checkEvery,
      Duration stepTimeout,
      MeterRegistry meters) {
    this.stuck = stuck;
    this.lease = lease;
    this.checkEvery = checkEvery;
    this.stepTimeout = stepTimeout;
    for (ReservationStatus status : ReservationStatus.values()) {
      AtomicInteger count = new AtomicInteger();
      stuckByStatus.put(status, count);
      Gauge.builder("reservas.reservations.stuck", count, AtomicInteger::get)
          .description(
              "Reservations waiting longer than the reminder threshold, or needing a person")
          .tag("status", status.name().toLowerCase(Locale.ROOT))
          .register(meters);
    }
    Gauge.builder("reservas.reservations.needing.attention", needingAttention, AtomicInteger::get)
        .description("Reservations whose payment or booking operation was refused for good")
        .register(meters);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::run, checkEvery);
  }

  /** One pass of the policy; a failure is logged and the next pass tries again. */
  void run() {
    try {
      countByStatus(stuck.stuck().blockOptional(stepTimeout).orElse(List.of()));
      needingAttention.set(
          stuck.needingAttention().map(List::size).blockOptional(stepTimeout).orElse(0));
      if (!Boolean.TRUE.equals(lease.acquire().block(stepTimeout))) {
        log.debug("Stuck reservations: another replica holds the policy");
        return;
      }
      var resolution = stuck.resolve().block(stepTimeout);
      if (resolution != null && (resolution.reminded() > 0 || resolution.expired() > 0)) {
        log.info(
            "Stuck reservations: {} reminded, {} expired",
            resolution.reminded(),
            resolution.expired());
      }
    } catch (RuntimeException e) {
      log.warn("Stuck-reservation check failed: {}", e.toString());
    }
  }

  private void countByStatus(List<Reservation> reservations) {
    Map<ReservationStatus, Integer> counts = new EnumMap<>(ReservationStatus.class);
    reservations.forEach(reservation -> counts.merge(reservation.status(), 1, Integer::sum));
    stuckByStatus.forEach((status, count) -> count.set(counts.getOrDefault(status, 0)));
  }

  /** Releases the lease (it would otherwise expire by itself after {@code lease-for}). */
  @Override
  public void destroy() {
    try {
      lease.release().block(RELEASE_TIMEOUT);
    } catch (RuntimeException e) {
      log.warn("Could not release the stuck-policy lease (it expires by itself): {}", e.toString());
    }
  }
}
