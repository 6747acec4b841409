package com.reservas.reservation.application.service;

import static com.reservas.reservation.application.service.ServiceFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.reservation.application.fakes.RecordingAuditTrail;
import com.reservas.reservation.application.port.in.AuditLogQuery;
import com.reservas.reservation.application.port.out.AuditRecord;
import com.reservas.reservation.application.port.out.AuditRecord.Action;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AuditLogServiceTest {

  private final RecordingAuditTrail audit = new RecordingAuditTrail();
  private final AuditLogService service = new AuditLogService(audit);

  @Test
  void theRecordsOfOneReservationAreReturnedOldestFirst() {
    AuditRecord created = record("K7P2QX9A", Action.CREATED, 0);
    AuditRecord other = record("OTHER001", Action.CREATED, 1);
    AuditRecord read = record("K7P2QX9A", Action.READ, 2);
    AuditRecord keyRotated = record(null, Action.API_CLIENT_KEY_ROTATED, 3);
    AuditRecord cancelled = record("K7P2QX9A", Action.CANCELLED, 4);
    List.of(created, other, read, keyRotated, cancelled).forEach(r -> audit.record(r).block());

    assertThat(service.ofReservation("K7P2QX9A").block()).containsExactly(created, read, cancelled);
  }

  @Test
  void anUnknownOrMalformedCodeHasAnEmptyLog() {
    audit.record(record("K7P2QX9A", Action.CREATED, 0)).block();

    assertThat(service.ofReservation("ZZZZZZZZ").block()).isEmpty();
    assertThat(service.ofReservation("k7p2qx9a").block()).isEmpty();
    assertThat(service.ofReservation(null).block()).isEmpty();
  }

  @Test
  void atMostTheMaximumNumberOfRecordsIsReturnedTheOldestOnes() {
    IntStream.rangeClosed(0, AuditLogQuery.MAX_RECORDS)
        .forEach(i -> audit.record(record("K7P2QX9A", Action.READ, i)).block());

    List<AuditRecord> log = service.ofReservation("K7P2QX9A").block();

    assertThat(log).hasSize(AuditLogQuery.MAX_RECORDS);
    assertThat(log.get(0).occurredAt()).isEqualTo(NOW);
    assertThat(log.get(log.size() - 1).occurredAt())
        .isEqualTo(NOW.plusSeconds(AuditLogQuery.MAX_RECORDS - 1));
  }

  private static AuditRecord record(String code, Action action, int secondsLater) {
    return new AuditRecord(NOW.plusSeconds(secondsLater), "client-1", action, code, null, null);
  }
}
