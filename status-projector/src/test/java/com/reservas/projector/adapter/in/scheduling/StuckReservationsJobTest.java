package com.reservas.projector.adapter.in.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.reservas.reservation.adapter.out.persistence.R2dbcPolicyLease;
import com.reservas.reservation.application.port.in.StuckReservationsUseCase;
import com.reservas.reservation.domain.Reservation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** A pass of the policy that loses its answer must not stop the policy. */
class StuckReservationsJobTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  /**
   * A query whose answer never comes (a connection dropped under it, an error Reactor could not
   * deliver) used to hold the scheduler's thread for good: no pass ever ran again, so no stuck
   * reservation was reminded or expired.
   */
  @Test
  void aPassWhoseQueryNeverAnswersEndsAndTheNextPassRuns() {
    NeverFirst stuck = new NeverFirst();
    StuckReservationsJob job =
        new StuckReservationsJob(
            stuck, unreachableLease(), Duration.ofMinutes(1), Duration.ofMillis(200), meters);

    assertTimeoutPreemptively(Duration.ofSeconds(10), job::run);
    assertTimeoutPreemptively(Duration.ofSeconds(10), job::run);

    assertThat(stuck.passes.get()).isEqualTo(2);
    assertThat(meters.get("reservas.reservations.stuck").gauge().value()).isEqualTo(0.0);
  }

  /** A lease whose database cannot be reached: acquiring it fails at once. */
  private static R2dbcPolicyLease unreachableLease() {
    ConnectionFactory unreachable =
        new ConnectionFactory() {
          @Override
          public Publisher<? extends Connection> create() {
            return Mono.error(new IllegalStateException("no database in this test"));
          }

          @Override
          public ConnectionFactoryMetadata getMetadata() {
            return () -> "MySQL";
          }
        };
    return new R2dbcPolicyLease(
        DatabaseClient.create(unreachable), "stuck-reservations", "test", Duration.ofMinutes(1));
  }

  /** Its first {@link #stuck()} never answers; later ones answer that nothing is stuck. */
  private static final class NeverFirst implements StuckReservationsUseCase {

    final AtomicInteger passes = new AtomicInteger();

    @Override
    public Mono<List<Reservation>> stuck() {
      return passes.incrementAndGet() == 1 ? Mono.never() : Mono.just(new ArrayList<>());
    }

    @Override
    public Mono<List<Reservation>> needingAttention() {
      return Mono.just(List.of());
    }

    @Override
    public Mono<Resolution> resolve() {
      return Mono.just(new Resolution(0, 0));
    }
  }
}
