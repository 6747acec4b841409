package com.reservas.reservation.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.reservation.application.service.SecureRandomReservationCodes;
import com.reservas.schemas.Topics;
import com.reservas.schemas.registry.InMemorySchemaRegistry;
import com.reservas.schemas.registry.SchemaRegistry;
import com.reservas.schemas.serde.EventCodec;
import com.reservas.testsupport.seal.TestTokenSeal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

/**
 * The schema registry of a deployment is a remote server. Asking it on the database driver's event
 * loop, as the first outbox append of each schema once did, stalls every connection that loop
 * serves: a burst of first reservations then timed out waiting for a pooled connection (503).
 */
class OutboxSchemaRegistrationTest {

  private final PersistenceFixture fixture = new PersistenceFixture();

  @Test
  void theFirstEventOfASchemaAsksTheRegistryOffTheDatabaseEventLoop() {
    CallingThreads registry = new CallingThreads();
    R2dbcReservationEventOutbox outbox =
        new R2dbcReservationEventOutbox(
            new OutboxWriter(fixture.db, fixture.clock, true),
            new EventCodec(registry),
            TestTokenSeal.SEAL);

    CreateReservationPersistenceTest.created(
        fixture
            .creating(new SecureRandomReservationCodes(), outbox)
            .create(CreateReservationPersistenceTest.command(Optional.empty()))
            .block());

    assertThat(registry.threads).isNotEmpty();
    assertThat(registry.threads)
        .allSatisfy(thread -> assertThat(thread.nonBlocking()).as(thread.name()).isFalse());
    assertThat(fixture.count("outbox_event")).isOne();
  }

  @Test
  void schemasRegisteredAheadAreEncodedWithoutAskingTheRegistryAgain() {
    CallingThreads registry = new CallingThreads();
    EventCodec codec = new EventCodec(registry);

    codec.registerSchemasOf(Topics.RESERVATIONS);
    int registrations = registry.threads.size();
    R2dbcReservationEventOutbox outbox =
        new R2dbcReservationEventOutbox(
            new OutboxWriter(fixture.db, fixture.clock, true), codec, TestTokenSeal.SEAL);
    CreateReservationPersistenceTest.created(
        fixture
            .creating(new SecureRandomReservationCodes(), outbox)
            .create(CreateReservationPersistenceTest.command(Optional.empty()))
            .block());

    assertThat(registrations).isPositive();
    assertThat(registry.threads).hasSize(registrations);
  }

  /** An in-memory registry that notes which thread each registration ran on. */
  private static final class CallingThreads implements SchemaRegistry {

    private final SchemaRegistry registry = new InMemorySchemaRegistry();
    private final List<CallingThread> threads = new CopyOnWriteArrayList<>();

    @Override
    public int register(String subject, Schema schema) {
      threads.add(
          new CallingThread(Thread.currentThread().getName(), Schedulers.isInNonBlockingThread()));
      return registry.register(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
      return registry.schemaById(id);
    }
  }

  private record CallingThread(String name, boolean nonBlocking) {}
}
