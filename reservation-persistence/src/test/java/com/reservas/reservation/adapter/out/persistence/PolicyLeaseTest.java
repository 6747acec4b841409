package com.reservas.reservation.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** The lease that keeps the stuck-reservation policy to one replica, on a real database. */
class PolicyLeaseTest {

  private PersistenceFixture fixture;

  @BeforeEach
  void freshDatabase() {
    fixture = new PersistenceFixture();
  }

  @Test
  void theFirstReplicaHoldsTheLeaseAndRenewsItWhileTheOtherWaits() {
    R2dbcPolicyLease first = lease("replica-a", Duration.ofMinutes(1));
    R2dbcPolicyLease second = lease("replica-b", Duration.ofMinutes(1));

    assertThat(first.acquire().block()).isTrue();
    assertThat(second.acquire().block()).isFalse();
    assertThat(first.acquire().block()).as("renewed").isTrue();
    assertThat(second.acquire().block()).isFalse();
  }

  @Test
  void aStandbyTakesOverOnceTheHoldersLeaseExpired() {
    R2dbcPolicyLease first = lease("replica-a", Duration.ofMillis(800));
    R2dbcPolicyLease second = lease("replica-b", Duration.ofMillis(800));
    assertThat(first.acquire().block()).isTrue();
    long lastRenewal = System.nanoTime();

    // The holder dies: no more renewals.
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> second.acquire().block());
    Duration takeover = Duration.ofNanos(System.nanoTime() - lastRenewal);

    assertThat(takeover).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    assertThat(first.acquire().block()).as("the old holder, back, waits").isFalse();
  }

  @Test
  void aReleasedLeaseIsTakenOverAtOnce() {
    R2dbcPolicyLease first = lease("replica-a", Duration.ofMinutes(1));
    R2dbcPolicyLease second = lease("replica-b", Duration.ofMinutes(1));
    assertThat(first.acquire().block()).isTrue();

    first.release().block();

    assertThat(second.acquire().block()).isTrue();
    assertThat(first.acquire().block()).isFalse();
  }

  @Test
  void ofManyReplicasAskingAtOnceExactlyOneHoldsTheLease() {
    List<Boolean> answers =
        Flux.fromStream(IntStream.range(0, 40).boxed())
            .flatMap(
                i ->
                    lease("replica-" + i, Duration.ofMinutes(1))
                        .acquire()
                        .subscribeOn(Schedulers.parallel()),
                40)
            .collectList()
            .block(Duration.ofSeconds(60));

    assertThat(answers).hasSize(40).containsOnlyOnce(true);
  }

  private R2dbcPolicyLease lease(String holder, Duration ttl) {
    return new R2dbcPolicyLease(fixture.db, "stuck-reservations", holder, ttl);
  }
}
