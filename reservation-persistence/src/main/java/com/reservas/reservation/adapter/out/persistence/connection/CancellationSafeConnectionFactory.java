package com.reservas.reservation.adapter.out.persistence.connection;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Mono;

/**
 * Connections whose commands reach the driver one at a time and are never cancelled in it.
 *
 * <p>{@code io.asyncer:r2dbc-mysql} 1.4.3 (the newest release) queues each command on a connection
 * behind the one in flight and starts it from the connection's I/O thread when that one ends. Two
 * races in that queue are reproduced here ({@code CancellationSafeConnectionFactoryTest}):
 *
 * <ul>
 *   <li>a cancel that arrives while a queued command is being started can leave the queue marked
 *       busy with nothing in flight (asyncer-io/r2dbc-mysql#347, fix proposed in #348, not
 *       released): every later command on that connection, the pool's rollback on release included,
 *       waits forever; the caller never gets an answer and the pool never gets the connection back;
 *   <li>a command submitted from another thread while the queue is being drained can start while
 *       the one before it is still in flight, and then receives that one's answer.
 * </ul>
 *
 * <p>Commands queue that way behind every failed statement (a duplicate key) and inside every
 * transaction; cancels come from clients that go away, timeouts and operators such as {@code zip}.
 * This decorator (installed under the pool for every service by {@code
 * ReservationPersistenceConfiguration}) starts a command only when the one before it has ended and
 * lets each run to its end; a cancel only detaches the caller (see {@link ConnectionCommands}). See
 * reservation-persistence/README.md.
 */
public final class CancellationSafeConnectionFactory
    implements ConnectionFactory, Wrapped<ConnectionFactory> {

  private final ConnectionFactory delegate;

  public CancellationSafeConnectionFactory(ConnectionFactory delegate) {
    this.delegate = delegate;
  }

  /**
   * Creating a connection is not a command on one, so it goes straight to the driver. Queued like a
   * command, creation kept Boot's pool from growing under a burst: in the whole-platform test of
   * 200 concurrent creations the server saw 22 to 28 connections and requests timed out waiting for
   * one, where the undecorated driver grew to 46 connections.
   */
  @Override
  public Mono<Connection> create() {
    return Mono.from(delegate.create()).map(CancellationSafeConnection::new);
  }

  @Override
  public ConnectionFactoryMetadata getMetadata() {
    return delegate.getMetadata();
  }

  @Override
  public ConnectionFactory unwrap() {
    return delegate;
  }

  @Override
  public String toString() {
    return "CancellationSafeConnectionFactory[" + delegate + "]";
  }
}
