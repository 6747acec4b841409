package com.reservas.reservation.adapter.out.persistence;

import com.reservas.reservation.adapter.out.persistence.connection.CancellationSafeConnectionFactory;
import com.reservas.reservation.application.fakes.ExampleRequests;
import com.reservas.reservation.application.port.in.ReservationRequest;
import com.reservas.reservation.application.port.out.ReservationCodeGenerator;
import com.reservas.reservation.application.port.out.ReservationEventOutbox;
import com.reservas.reservation.application.service.ApplyOutcomeService;
import com.reservas.reservation.application.service.CancelReservationService;
import com.reservas.reservation.application.service.CreateReservationService;
import com.reservas.reservation.application.service.SecureRandomReservationCodes;
import com.reservas.reservation.application.service.TransitionWriter;
import com.reservas.schemas.registry.InMemorySchemaRegistry;
import com.reservas.schemas.serde.EventCodec;
import com.reservas.testsupport.TestDatabase;
import com.reservas.testsupport.seal.TestTokenSeal;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The persistence adapters and the use cases wired by hand on a fresh database, the way the
 * services wire them with Spring, so tests exercise real SQL and real transactions quickly.
 */
final class PersistenceFixture {

  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  final TestDatabase database = TestDatabase.create();
  final ConnectionFactory connections;
  final DatabaseClient db;
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final EventCodec codec = new EventCodec(new InMemorySchemaRegistry());
  final R2dbcReservationRepository reservations;
  final R2dbcReferenceData referenceData;
  final ReactiveTransactionRunner transactions;
  final R2dbcReservationEventOutbox outbox;

  /** Unpooled driver connections: one per statement or transaction. */
  PersistenceFixture() {
    this(UnaryOperator.identity());
  }

  private PersistenceFixture(UnaryOperator<ConnectionFactory> wiring) {
    connections = wiring.apply(driverConnections());
    db = DatabaseClient.create(connections);
    reservations = new R2dbcReservationRepository(db);
    referenceData = new R2dbcReferenceData(db, Duration.ofMinutes(5));
    transactions =
        new ReactiveTransactionRunner(
            TransactionalOperator.create(new R2dbcTransactionManager(connections)));
    outbox =
        new R2dbcReservationEventOutbox(
            new OutboxWriter(db, clock, true), codec, TestTokenSeal.SEAL);
  }

  /**
   * Wired as the services are: the driver under {@link CancellationSafeConnectionFactory}, under a
   * pool of at most {@code maxConnections}.
   */
  static PersistenceFixture pooled(int maxConnections) {
    return new PersistenceFixture(
        driver ->
            new ConnectionPool(
                ConnectionPoolConfiguration.builder(new CancellationSafeConnectionFactory(driver))
                    .initialSize(1)
                    .maxSize(maxConnections)
                    .maxAcquireTime(Duration.ofSeconds(3))
                    .maxCreateConnectionTime(Duration.ofSeconds(3))
                    .build()));
  }

  /** The driver's connections to this fixture's database, undecorated. */
  ConnectionFactory driverConnections() {
    return ConnectionFactories.get(
        ConnectionFactoryOptions.parse(database.r2dbcUrl())
            .mutate()
            .option(ConnectionFactoryOptions.USER, database.username())
            .build());
  }

  /** Connections the pool has handed out and not yet taken back. */
  int acquiredConnections() {
    return ((ConnectionPool) connections).getMetrics().orElseThrow().acquiredSize();
  }

  CreateReservationService creating() {
    return creating(new SecureRandomReservationCodes(), outbox);
  }

  CreateReservationService creating(ReservationCodeGenerator codes, ReservationEventOutbox box) {
    return new CreateReservationService(
        referenceData, reservations, box, codes, transactions, clock, 5);
  }

  TransitionWriter writer() {
    return new TransitionWriter(reservations, outbox, transactions);
  }

  CancelReservationService cancelling(Clock at) {
    return new CancelReservationService(reservations, writer(), at);
  }

  ApplyOutcomeService applyingOutcomes() {
    return new ApplyOutcomeService(
        new R2dbcInbox(db, clock), reservations, new R2dbcExternalCallLog(db), writer());
  }

  static ReservationRequest validRequest() {
    return ExampleRequests.madridToBarcelona();
  }

  long count(String table) {
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The one text value a query selects. */
  String query(String sql) {
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows in every table a reservation writes to: all zero means nothing was written. */
  long reservationRows() {
    return count("reservation")
        + count("reservation_contact")
        + count("reservation_status_history")
        + count("outbox_event");
  }
}
