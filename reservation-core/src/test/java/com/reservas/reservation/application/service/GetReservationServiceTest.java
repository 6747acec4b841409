package com.reservas.reservation.application.service;

import static com.reservas.reservation.application.service.ServiceFixtures.CLIENT;
import static com.reservas.reservation.application.service.ServiceFixtures.NOW;
import static com.reservas.reservation.application.service.ServiceFixtures.clockAt;
import static com.reservas.reservation.application.service.ServiceFixtures.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.reservation.application.fakes.InMemoryAdapters;
import com.reservas.reservation.application.port.out.AuditRecord;
import com.reservas.reservation.application.port.out.AuditRecord.Action;
import com.reservas.reservation.domain.Reservation;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class GetReservationServiceTest {

  private static final Instant LATER = NOW.plusSeconds(600);

  private final InMemoryAdapters adapters = new InMemoryAdapters();
  private final GetReservationService service =
      new GetReservationService(adapters.reservations, adapters.audit, clockAt(LATER));
  private final Reservation reservation = created("K7P2QX9A");

  @Test
  void theOwnerGetsTheReservationAndTheReadIsAudited() {
    adapters.reservations.store(reservation);

    Reservation found = service.find(CLIENT, "K7P2QX9A", "198.51.100.7").block();

    assertThat(found).isEqualTo(reservation);
    assertThat(adapters.audit.records())
        .containsExactly(
            new AuditRecord(LATER, CLIENT, Action.READ, "K7P2QX9A", "198.51.100.7", null));
  }

  @Test
  void anotherClientsReservationIsAbsentAndItsReadIsNotAudited() {
    adapters.reservations.store(reservation);

    assertThat(service.find("client-2", "K7P2QX9A", null).blockOptional()).isEmpty();
    assertThat(adapters.audit.records()).isEmpty();
  }

  @Test
  void anUnknownOrMalformedCodeIsAbsent() {
    adapters.reservations.store(reservation);

    assertThat(service.find(CLIENT, "ZZZZZZZZ", null).blockOptional()).isEmpty();
    assertThat(service.find(CLIENT, "k7p2qx9a", null).blockOptional()).isEmpty();
    assertThat(service.find(CLIENT, null, null).blockOptional()).isEmpty();
    assertThat(adapters.audit.records()).isEmpty();
  }

  @Test
  void aReadThatCannotBeAuditedFailsInsteadOfShowingTheReservation() {
    adapters.reservations.store(reservation);
    adapters.audit.failWith(new IllegalStateException("audit_log unavailable"));

    Mono<Reservation> read = service.find(CLIENT, "K7P2QX9A", null);

    assertThatThrownBy(read::block).hasMessage("audit_log unavailable");
  }

  @Test
  void readingWritesNothingButTheAuditRecord() {
    adapters.reservations.store(reservation);

    service.find(CLIENT, "K7P2QX9A", null).block();

    assertThat(adapters.reservations.writes()).isEmpty();
    assertThat(adapters.outbox.events()).isEmpty();
    assertThat(adapters.transactions.begun()).isZero();
  }
}
