package com.reservas.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.reservation.adapter.out.persistence.OutboxWriter;
import com.reservas.reservation.adapter.out.persistence.R2dbcReferenceData;
import com.reservas.reservation.adapter.out.persistence.R2dbcReservationEventOutbox;
import com.reservas.reservation.adapter.out.persistence.R2dbcReservationRepository;
import com.reservas.reservation.adapter.out.persistence.ReactiveTransactionRunner;
import com.reservas.reservation.adapter.out.persistence.ReservationEventAvroMapper;
import com.reservas.reservation.application.fakes.ExampleRequests;
import com.reservas.reservation.application.port.in.CancelReservationUseCase.CancelReservationCommand;
import com.reservas.reservation.application.port.in.CancelReservationUseCase.CancellationResult;
import com.reservas.reservation.application.port.in.CreateReservationCommand;
import com.reservas.reservation.application.port.in.CreateReservationResult;
import com.reservas.reservation.application.port.in.ReservationRequest;
import com.reservas.reservation.application.port.out.ReservationEventOutbox;
import com.reservas.reservation.application.service.CancelReservationService;
import com.reservas.reservation.application.service.CreateReservationService;
import com.reservas.reservation.application.service.SecureRandomReservationCodes;
import com.reservas.reservation.application.service.TransitionWriter;
import com.reservas.schemas.Topics;
import com.reservas.schemas.avro.ReservationSnapshot;
import com.reservas.schemas.registry.InMemorySchemaRegistry;
import com.reservas.schemas.serde.EventCodec;
import com.reservas.testsupport.TestDatabase;
import com.reservas.testsupport.seal.TestTokenSeal;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The reservation use cases wired by hand on a fresh database, the way reservation-api wires them:
 * creating or cancelling a reservation writes its outbox row (inserted and deleted in the same
 * transaction), exactly as a request through the API does, minus HTTP.
 */
final class ReservationWorld implements AutoCloseable {

  /** The use cases' clock: pickups in 2027 are in the future, cancellations allowed. */
  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  final TestDatabase database = TestDatabase.create();
  final EventCodec codec = new EventCodec(new InMemorySchemaRegistry());

  /**
   * Event id → the bytes of the event the use case appended, encoded as the outbox adapter encodes
   * it (but for the sealed token's fresh nonce: see {@link #assertPublishedAsAppended}).
   */
  final Map<String, byte[]> encoded = new ConcurrentHashMap<>();

  /**
   * Asserts that {@code published} is the appended event {@code eventId} unchanged: the same frame
   * (magic byte, schema id), the same length and the same content. The payment-method token is
   * sealed with a fresh nonce at every encoding, so its ciphertext is compared opened.
   */
  void assertPublishedAsAppended(byte[] published, String eventId) {
    byte[] appended = encoded.get(eventId);
    assertThat(appended).as("appended event %s", eventId).isNotNull();
    assertThat(published).hasSameSizeAs(appended);
    assertThat(Arrays.copyOf(published, 5)).isEqualTo(Arrays.copyOf(appended, 5));
    assertThat(withTokenOpened(published)).isEqualTo(withTokenOpened(appended));
  }

  private SpecificRecord withTokenOpened(byte[] bytes) {
    SpecificRecord event = codec.decode(bytes);
    ReservationSnapshot snapshot =
        (ReservationSnapshot) event.get(event.getSchema().getField("reservation").pos());
    snapshot.setSealedPaymentMethodToken(
        TestTokenSeal.SEAL.open(snapshot.getCode(), snapshot.getSealedPaymentMethodToken()));
    return event;
  }

  private final ConnectionPool pool;
  private final CreateReservationService creating;
  private final CancelReservationService cancelling;

  ReservationWorld() {
    pool =
        new ConnectionPool(
            ConnectionPoolConfiguration.builder(
                    ConnectionFactories.get(
                        ConnectionFactoryOptions.parse(database.r2dbcUrl())
                            .mutate()
                            .option(ConnectionFactoryOptions.USER, database.username())
                            .build()))
                .initialSize(4)
                .maxSize(32)
                .maxAcquireTime(Duration.ofSeconds(30))
                .build());
    DatabaseClient db = DatabaseClient.create(pool);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    R2dbcReservationRepository reservations = new R2dbcReservationRepository(db);
    ReactiveTransactionRunner transactions =
        new ReactiveTransactionRunner(
            TransactionalOperator.create(new R2dbcTransactionManager(pool)));
    // created_at from the real clock: the relay's lag metric reads it.
    ReservationEventOutbox adapter =
        new R2dbcReservationEventOutbox(
            new OutboxWriter(db, Clock.systemUTC(), false), codec, TestTokenSeal.SEAL);
    ReservationEventAvroMapper mapper = new ReservationEventAvroMapper(TestTokenSeal.SEAL);
    ReservationEventOutbox recording =
        (event, traceparent) -> {
          encoded.put(
              event.eventId().toString(),
              codec.encode(Topics.RESERVATIONS, mapper.toAvro(event, traceparent)));
          return adapter.append(event, traceparent);
        };
    creating =
        new CreateReservationService(
            new R2dbcReferenceData(db, Duration.ofMinutes(5)),
            reservations,
            recording,
            new SecureRandomReservationCodes(),
            transactions,
            clock,
            5);
    cancelling =
        new CancelReservationService(
            reservations, new TransitionWriter(reservations, recording, transactions), clock);
  }

  /** Creates a reservation; completes with its code once committed. */
  Mono<String> create(String traceparent) {
    return creating
        .create(new CreateReservationCommand("client-1", Optional.empty(), request(), traceparent))
        .map(
            result -> {
              if (result instanceof CreateReservationResult.Created created) {
                return created.reservation().code().value();
              }
              throw new IllegalStateException("Not created: " + result);
            });
  }

  /** Cancels a reservation; completes once committed. */
  Mono<Void> cancel(String code) {
    return cancelling
        .cancel(new CancelReservationCommand("client-1", code, "changed plans", null))
        .map(
            result -> {
              if (!(result instanceof CancellationResult.Accepted)) {
                throw new IllegalStateException("Not cancelled: " + result);
              }
              return result;
            })
        .then();
  }

  /** Inserts an outbox row directly (for rows the use cases never write); returns its id. */
  String insertOutboxRow(
      String aggregateType, String key, String type, byte[] payload, boolean keep)
      throws SQLException {
    String id = UUID.randomUUID().toString();
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, payload,"
                  + " traceparent, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)")) {
        insert.setString(1, id);
        insert.setString(2, aggregateType);
        insert.setString(3, key);
        insert.setString(4, type);
        insert.setBytes(5, payload);
        insert.setTimestamp(6, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
        insert.executeUpdate();
      }
      if (!keep) {
        try (PreparedStatement delete =
            c.prepareStatement("DELETE FROM outbox_event WHERE id = ?")) {
          delete.setString(1, id);
          delete.executeUpdate();
        }
      }
      c.commit();
    }
    return id;
  }

  /** Updates a kept outbox row: something the writers never do. */
  void updateOutboxRow(String id, String newType) throws SQLException {
    try (Connection c = database.connect();
        PreparedStatement update =
            c.prepareStatement("UPDATE outbox_event SET event_type = ? WHERE id = ?")) {
      update.setString(1, newType);
      update.setString(2, id);
      update.executeUpdate();
    }
  }

  static ReservationRequest request() {
    return ExampleRequests.madridToBarcelona();
  }

  @Override
  public void close() {
    pool.dispose();
  }
}
