package com.reservas.reservation.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase.OutcomeCommand;
import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase.OutcomeResult;
import com.reservas.reservation.application.port.in.CancelReservationUseCase.CancelReservationCommand;
import com.reservas.reservation.application.port.in.CreateReservationCommand;
import com.reservas.reservation.application.port.in.CreateReservationResult;
import com.reservas.reservation.application.port.out.AuditRecord;
import com.reservas.reservation.application.port.out.AuditRecord.Action;
import com.reservas.reservation.application.port.out.AuditTrail;
import com.reservas.reservation.application.service.ApplyOutcomeService;
import com.reservas.reservation.application.service.CancelReservationService;
import com.reservas.reservation.application.service.CreateReservationService;
import com.reservas.reservation.application.service.GetReservationService;
import com.reservas.reservation.application.service.SecureRandomReservationCodes;
import com.reservas.reservation.application.service.StuckReservationsService;
import com.reservas.reservation.domain.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every change leaves one audit record, written in the transaction of the change: a change is never
 * committed without its record, nor a record without its change.
 */
class AuditTrailPersistenceTest {

  /** Stands in for the privacy module's masker, which this module does not depend on. */
  private static final UnaryOperator<String> MASK_EMAILS =
      text -> text.replaceAll("[A-Za-z0-9._%+-]+@", "***@");

  private PersistenceFixture fixture;
  private R2dbcAuditTrail audit;

  @BeforeEach
  void freshDatabase() {
    fixture = new PersistenceFixture();
    audit = new R2dbcAuditTrail(fixture.db, MASK_EMAILS);
  }

  @Test
  void aCreatedReservationIsAuditedWithClientAddressCodeAndTimeButNoPersonalData() {
    String code = create(audit);

    AuditRecord record = single(code);
    assertThat(record.action()).isEqualTo(Action.CREATED);
    assertThat(record.actor()).isEqualTo("client-1");
    assertThat(record.sourceIp()).isEqualTo("203.0.113.7");
    assertThat(record.reservationCode()).isEqualTo(code);
    assertThat(record.occurredAt()).isEqualTo(PersistenceFixture.NOW);
    assertThat(record.details())
        .contains("CDAR", "IBERCAR", "MAD-AIRPORT", "BCN-AIRPORT", "412.00 EUR")
        .doesNotContain("Ana", "García", "ana@example.com", "600111222", "pm_card_visa");
  }

  @Test
  void whenTheAuditRecordCannotBeWrittenTheReservationIsNotKept() {
    AuditTrail failing =
        new AuditTrail() {
          @Override
          public Mono<Void> record(AuditRecord record) {
            return audit.record(record).then(Mono.error(new IllegalStateException("disk full")));
          }

          @Override
          public Flux<AuditRecord> ofReservation(String code, int limit) {
            return Flux.empty();
          }
        };

    Mono<CreateReservationResult> result = creating(failing).create(command());

    assertThat(result.onErrorResume(e -> Mono.empty()).block()).isNull();
    assertThat(fixture.reservationRows()).isZero();
    assertThat(fixture.count("audit_log")).isZero();
  }

  @Test
  void aCancellationIsAuditedOnceInItsTransactionWithTheReasonMasked() {
    String code = create(audit);
    CancelReservationService cancelling =
        new CancelReservationService(fixture.reservations, fixture.writer(), fixture.clock, audit);

    cancelling
        .cancel(
            new CancelReservationCommand(
                "client-1", code, "write to ana@example.com instead", null, "203.0.113.9"))
        .block();
    cancelling
        .cancel(new CancelReservationCommand("client-1", code, "again", null, "203.0.113.9"))
        .block();

    List<AuditRecord> records = records(code);
    assertThat(records)
        .extracting(AuditRecord::action)
        .containsExactly(Action.CREATED, Action.CANCELLED);
    AuditRecord cancelled = records.get(1);
    assertThat(cancelled.actor()).isEqualTo("client-1");
    assertThat(cancelled.sourceIp()).isEqualTo("203.0.113.9");
    assertThat(cancelled.details())
        .contains("status CREATED -> CANCELLED", "***@example.com")
        .doesNotContain("ana@");
  }

  @Test
  void anAppliedOutcomeIsAuditedAsAStatusChangeByItsConsumerAndARedeliveryIsNot() {
    String code = create(audit);
    ApplyOutcomeService applying =
        new ApplyOutcomeService(
            new R2dbcInbox(fixture.db, fixture.clock),
            fixture.reservations,
            new R2dbcExternalCallLog(fixture.db),
            fixture.writer(),
            audit);
    OutcomeCommand authorized =
        new OutcomeCommand(
            "status-projector-payments",
            UUID.randomUUID(),
            code,
            new Outcome.PaymentAuthorized("pi_123"),
            PersistenceFixture.NOW.plusSeconds(5),
            List.of(),
            null);

    assertThat(applying.apply(authorized).block()).isEqualTo(OutcomeResult.APPLIED);
    assertThat(applying.apply(authorized).block()).isEqualTo(OutcomeResult.DUPLICATE);

    List<AuditRecord> records = records(code);
    assertThat(records)
        .extracting(AuditRecord::action)
        .containsExactly(Action.CREATED, Action.STATUS_CHANGED);
    AuditRecord changed = records.get(1);
    assertThat(changed.actor()).isEqualTo("status-projector-payments");
    assertThat(changed.sourceIp()).isNull();
    assertThat(changed.details())
        .contains("status CREATED -> PAID", "payment PENDING -> AUTHORIZED", "PaymentAuthorized");
  }

  @Test
  void anExpiryByTheStuckReservationPolicyIsAuditedAsAStatusChange() {
    String code = create(audit);
    Clock later = Clock.fixed(PersistenceFixture.NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC);
    StuckReservationsService stuck =
        new StuckReservationsService(
            fixture.reservations,
            fixture.writer(),
            later,
            new StuckReservationsService.Policy(Duration.ofMinutes(1), Duration.ofMinutes(30), 10),
            audit);

    assertThat(stuck.resolve().block().expired()).isEqualTo(1);

    AuditRecord expired = records(code).get(1);
    assertThat(expired.action()).isEqualTo(Action.STATUS_CHANGED);
    assertThat(expired.actor()).isEqualTo(StuckReservationsService.ACTOR);
    assertThat(expired.details()).contains("status CREATED -> CANCELLED", "expired");
  }

  @Test
  void aReadOfTheOwnerIsAuditedAndAnotherClientsAttemptShowsNothingAndIsNotARead() {
    String code = create(audit);
    GetReservationService reading =
        new GetReservationService(fixture.reservations, audit, fixture.clock);

    assertThat(reading.find("client-1", code, "198.51.100.1").block()).isNotNull();
    assertThat(reading.find("client-2", code, "198.51.100.2").block()).isNull();

    List<AuditRecord> records = records(code);
    assertThat(records)
        .extracting(AuditRecord::action)
        .containsExactly(Action.CREATED, Action.READ);
    assertThat(records.get(1).actor()).isEqualTo("client-1");
    assertThat(records.get(1).sourceIp()).isEqualTo("198.51.100.1");
  }

  @Test
  void overlongValuesAreCutToTheirColumnsInsteadOfFailingTheChange() {
    audit
        .record(
            new AuditRecord(
                PersistenceFixture.NOW,
                "a".repeat(100),
                Action.READ,
                null,
                "1".repeat(60),
                "x".repeat(999) + "😀😀"))
        .block();

    assertThat(fixture.count("audit_log")).isEqualTo(1);
  }

  private String create(AuditTrail trail) {
    CreateReservationResult result = creating(trail).create(command()).block();
    return ((CreateReservationResult.Created) result).reservation().code().value();
  }

  private CreateReservationService creating(AuditTrail trail) {
    return new CreateReservationService(
        fixture.referenceData,
        fixture.reservations,
        fixture.outbox,
        new SecureRandomReservationCodes(),
        fixture.transactions,
        fixture.clock,
        5,
        trail);
  }

  private static CreateReservationCommand command() {
    return new CreateReservationCommand(
        "client-1",
        Optional.empty(),
        PersistenceFixture.validRequest(),
        List.of(),
        null,
        "203.0.113.7");
  }

  private List<AuditRecord> records(String code) {
    return audit.ofReservation(code, 100).collectList().block();
  }

  private AuditRecord single(String code) {
    List<AuditRecord> records = records(code);
    assertThat(records).hasSize(1);
    return records.get(0);
  }
}
