package com.reservas.reservation.adapter.out.persistence.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.testsupport.TestDatabase;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Result;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The driver's wedge, reproduced on real connections: a duplicate-key insert in flight, a second
 * statement queued behind it on the same connection and cancelled by its caller at a random moment
 * (a client that went away, a timeout). On the bare driver (r2dbc-mysql 1.4.3) some connection
 * stops answering within a few hundred rounds; through {@link CancellationSafeConnectionFactory}
 * every connection keeps answering.
 */
class CancellationSafeConnectionFactoryTest {

  private static final int CONNECTIONS = 4;
  private static final Duration RACING_FOR = Duration.ofSeconds(4);
  private static final String DUPLICATE =
      "INSERT INTO api_client (id, name, key_hash, revoked, created_at)"
          + " VALUES (?, 'Duplicate', ?, FALSE, NOW())";

  @Test
  void aStatementCancelledBehindAFailedInsertNeverWedgesItsConnection() {
    TestDatabase database = TestDatabase.create();
    ConnectionFactory driver =
        ConnectionFactories.get(
            ConnectionFactoryOptions.parse(database.r2dbcUrl())
                .mutate()
                .option(ConnectionFactoryOptions.USER, database.username())
                .build());
    ConnectionFactory connections = new CancellationSafeConnectionFactory(driver);

    Flux.range(0, CONNECTIONS)
        .flatMap(
            n ->
                Mono.fromCallable(() -> race(connections, "taken-" + n))
                    .subscribeOn(Schedulers.boundedElastic()))
        .doOnNext(rounds -> assertThat(rounds).isPositive())
        .blockLast(RACING_FOR.multipliedBy(4));
  }

  /** Races cancels against the driver's queue until the deadline; fails on a silent connection. */
  private static int race(ConnectionFactory connections, String takenId) {
    Connection connection = Mono.from(connections.create()).block();
    try {
      rowsUpdated(connection, DUPLICATE, takenId).block();
      long deadline = System.nanoTime() + RACING_FOR.toNanos();
      int rounds = 0;
      while (System.nanoTime() < deadline) {
        Disposable duplicate =
            rowsUpdated(connection, DUPLICATE, takenId)
                .onErrorResume(e -> Mono.empty())
                .subscribe();
        Disposable queued =
            Flux.from(connection.createStatement("SELECT 1").execute())
                .flatMap(result -> result.map(row -> 1))
                .subscribeOn(Schedulers.parallel())
                .subscribe();
        spin(ThreadLocalRandom.current().nextLong(300_000));
        queued.dispose();
        int round = rounds;
        Integer answer =
            Flux.from(connection.createStatement("SELECT 2").execute())
                .flatMap(result -> result.map(row -> row.get(0, Integer.class)))
                .next()
                .timeout(Duration.ofSeconds(5))
                .onErrorMap(
                    e -> new AssertionError("connection stopped answering in round " + round, e))
                .block();
        assertThat(answer).isEqualTo(2);
        duplicate.dispose();
        rounds++;
      }
      return rounds;
    } finally {
      // A wedged connection never answers its close either: give up on it after a while.
      Mono.from(connection.close()).timeout(Duration.ofSeconds(5)).onErrorComplete().block();
    }
  }

  private static Mono<Long> rowsUpdated(Connection connection, String sql, String id) {
    return Flux.from(connection.createStatement(sql).bind(0, id).bind(1, id).execute())
        .flatMap(Result::getRowsUpdated)
        .next();
  }

  /** Waits a random moment without sleeping: the cancel must land anywhere in the exchange. */
  private static void spin(long nanos) {
    long until = System.nanoTime() + nanos;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }
}
