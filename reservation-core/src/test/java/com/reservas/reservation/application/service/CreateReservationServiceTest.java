package com.reservas.reservation.application.service;

import static com.reservas.reservation.application.service.ServiceFixtures.CLIENT;
import static com.reservas.reservation.application.service.ServiceFixtures.NOW;
import static com.reservas.reservation.application.service.ServiceFixtures.TRACEPARENT;
import static com.reservas.reservation.application.service.ServiceFixtures.clockAt;
import static com.reservas.reservation.application.service.ServiceFixtures.validRequest;
import static com.reservas.reservation.application.service.ServiceFixtures.withCategory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.reservation.application.fakes.FixedReferenceData;
import com.reservas.reservation.application.fakes.InMemoryAdapters;
import com.reservas.reservation.application.fakes.InMemoryReservationRepository.Write;
import com.reservas.reservation.application.fakes.RecordingAuditTrail.Recorded;
import com.reservas.reservation.application.fakes.ScriptedReservationCodes;
import com.reservas.reservation.application.port.in.CreateReservationCommand;
import com.reservas.reservation.application.port.in.CreateReservationResult;
import com.reservas.reservation.application.port.in.FieldError;
import com.reservas.reservation.application.port.in.ReservationRequest;
import com.reservas.reservation.application.port.out.AuditRecord;
import com.reservas.reservation.application.port.out.AuditRecord.Action;
import com.reservas.reservation.application.port.out.DuplicateReservationCodeException;
import com.reservas.reservation.application.port.out.ReservationRepository.IdempotencyRecord;
import com.reservas.reservation.domain.PaymentStatus;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationEvent.ReservationCreated;
import com.reservas.reservation.domain.ReservationStatus;
import com.reservas.reservation.domain.StatusChange;
import com.reservas.reservation.domain.SupplierStatus;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class CreateReservationServiceTest {

  private static final int MAX_CODE_ATTEMPTS = 5;

  private final InMemoryAdapters adapters = new InMemoryAdapters();
  private ScriptedReservationCodes codes = new ScriptedReservationCodes();

  @Test
  void aValidRequestStoresTheReservationWithExactlyOneEventAndItsAuditRecordInOneTransaction() {
    CreateReservationResult result =
        service()
            .create(
                new CreateReservationCommand(
                    CLIENT,
                    Optional.empty(),
                    validRequest(),
                    List.of(),
                    TRACEPARENT,
                    "198.51.100.7"))
            .block();

    Reservation created = created(result);
    assertThat(((CreateReservationResult.Created) result).replayed()).isFalse();
    assertThat(created.code()).isEqualTo(codes.drawn().get(0));
    assertThat(created.clientId()).isEqualTo(CLIENT);
    assertThat(created.status()).isEqualTo(ReservationStatus.CREATED);
    assertThat(created.paymentStatus()).isEqualTo(PaymentStatus.PENDING);
    assertThat(created.supplierStatus()).isEqualTo(SupplierStatus.PENDING);
    assertThat(created.price().amountText()).isEqualTo("412.00");
    assertThat(created.price().currency()).isEqualTo("EUR");
    assertThat(created.createdAt()).isEqualTo(NOW);
    assertThat(created.history())
        .extracting(StatusChange::status)
        .containsExactly(ReservationStatus.CREATED);
    assertThat(created.details().customer().lastName()).isEqualTo("García Núñez");

    assertThat(adapters.reservations.all()).containsExactly(created);
    assertThat(adapters.outbox.appended())
        .singleElement()
        .satisfies(
            appended -> {
              assertThat(appended.event())
                  .isInstanceOfSatisfying(
                      ReservationCreated.class,
                      event -> {
                        assertThat(event.reservation()).isEqualTo(created);
                        assertThat(event.occurredAt()).isEqualTo(NOW);
                      });
              assertThat(appended.traceparent()).isEqualTo(TRACEPARENT);
            });
    assertThat(adapters.audit.records())
        .containsExactly(
            new AuditRecord(
                NOW,
                CLIENT,
                Action.CREATED,
                created.code().value(),
                "198.51.100.7",
                "category CDAR, supplier IBERCAR, MAD-AIRPORT to BCN-AIRPORT, 412.00 EUR"));

    assertThat(adapters.transactions.begun()).isEqualTo(1);
    assertThat(adapters.transactions.committed()).isEqualTo(1);
    long transaction = adapters.reservations.writes().get(0).transaction();
    assertThat(transaction).isNotZero();
    assertThat(adapters.reservations.writes())
        .extracting(Write::transaction)
        .containsExactly(transaction);
    assertThat(adapters.outbox.appended().get(0).transaction()).isEqualTo(transaction);
    assertThat(adapters.audit.recorded())
        .extracting(Recorded::transaction)
        .containsExactly(transaction);
    assertThat(adapters.progress.created()).containsExactly(created);
    assertThat(adapters.progress.commitsWhenTold()).containsExactly(1);
  }

  /**
   * The answer to a key is the first answer, whenever the retry comes: a client retrying after the
   * pickup time passed (or after the catalogue changed) gets its reservation, not a 422.
   */
  @Test
  void aRetryWithTheSameKeyAfterThePickupTimePassedStillAnswersTheFirstReservation() {
    Reservation first = created(service().create(command("key-late", validRequest())).block());

    CreateReservationResult again =
        service(clockAt(ServiceFixtures.pickup().plusSeconds(3600)))
            .create(command("key-late", validRequest()))
            .block();

    assertThat(again).isEqualTo(new CreateReservationResult.Created(first, true));
    assertThat(adapters.reservations.all()).containsExactly(first);
  }

  @Test
  void anIdempotentRetryWithTheSameKeyAndRequestReturnsTheFirstReservationAndWritesNothingNew() {
    var service = service();
    Reservation first = created(service.create(command("key-1", validRequest())).block());
    int transactionsAfterFirst = adapters.transactions.begun();

    CreateReservationResult again = service.create(command("key-1", validRequest())).block();

    assertThat(again).isEqualTo(new CreateReservationResult.Created(first, true));
    assertThat(adapters.reservations.all()).containsExactly(first);
    assertThat(adapters.reservations.writes()).hasSize(1);
    assertThat(adapters.outbox.events()).hasSize(1);
    assertThat(adapters.transactions.begun()).isEqualTo(transactionsAfterFirst);
    assertThat(codes.drawn()).hasSize(1);
    assertThat(adapters.progress.created()).containsExactly(first);
    assertThat(adapters.audit.records())
        .extracting(AuditRecord::action)
        .containsExactly(Action.CREATED, Action.READ);
    assertThat(adapters.audit.records().get(0).details()).endsWith(", with an Idempotency-Key");
    assertThat(adapters.audit.records().get(1).details())
        .isEqualTo("shown again for a repeated create with the same Idempotency-Key");
  }

  @Test
  void theSameKeyWithADifferentRequestIsRefusedAndWritesNothing() {
    var service = service();
    Reservation first = created(service.create(command("key-2", validRequest())).block());

    CreateReservationResult result =
        service.create(command("key-2", withCategory(validRequest(), "ECMN"))).block();

    assertThat(result).isEqualTo(new CreateReservationResult.IdempotencyKeyReused("key-2"));
    assertThat(adapters.reservations.all()).containsExactly(first);
    assertThat(adapters.outbox.events()).hasSize(1);
    assertThat(adapters.audit.records())
        .extracting(AuditRecord::action)
        .containsExactly(Action.CREATED);
  }

  @Test
  void theSameKeyUsedByAnotherClientCreatesAnotherReservation() {
    var service = service();
    Reservation mine = created(service.create(command("key-3", validRequest())).block());

    Reservation theirs =
        created(
            service
                .create(
                    new CreateReservationCommand(
                        "client-2", Optional.of("key-3"), validRequest(), null))
                .block());

    assertThat(theirs.code()).isNotEqualTo(mine.code());
    assertThat(adapters.reservations.all()).containsExactly(mine, theirs);
    assertThat(adapters.outbox.events()).hasSize(2);
  }

  @Test
  void anInvalidRequestListsEveryFieldErrorAndWritesNothing() {
    ReservationRequest valid = validRequest();
    ReservationRequest invalid =
        new ReservationRequest(
            valid.firstName(),
            null,
            "not-an-email",
            valid.phone(),
            "ZZZZ",
            valid.supplierCode(),
            valid.pickupOfficeCode(),
            "2020-01-01T10:00:00",
            valid.dropoffOfficeCode(),
            valid.dropoffAt(),
            "4242 4242 4242 4242");

    CreateReservationResult result = service().create(command("key-4", invalid)).block();

    assertThat(result)
        .isInstanceOfSatisfying(
            CreateReservationResult.Invalid.class,
            r ->
                assertThat(r.errors())
                    .containsExactlyInAnyOrder(
                        new FieldError("customer.lastName", "is required"),
                        new FieldError("customer.email", "must be an e-mail address"),
                        new FieldError("vehicle.categoryCode", "unknown code ZZZZ"),
                        new FieldError("pickup.at", "must be in the future"),
                        new FieldError(
                            "payment.paymentMethodToken", "must not contain card data")));
    assertNothingWritten();
  }

  @Test
  void inputErrorsFromTheAdapterWinForTheirFieldAndAreReportedWithTheOthers() {
    ReservationRequest valid = validRequest();
    ReservationRequest withoutCustomer =
        new ReservationRequest(
            null,
            null,
            null,
            null,
            "ZZZZ",
            valid.supplierCode(),
            valid.pickupOfficeCode(),
            valid.pickupAt(),
            valid.dropoffOfficeCode(),
            valid.dropoffAt(),
            valid.paymentMethodToken());

    CreateReservationResult result =
        service()
            .create(
                new CreateReservationCommand(
                    CLIENT,
                    Optional.empty(),
                    withoutCustomer,
                    List.of(new FieldError("customer", "must be an object")),
                    null))
            .block();

    assertThat(result)
        .isEqualTo(
            new CreateReservationResult.Invalid(
                List.of(
                    new FieldError("customer", "must be an object"),
                    new FieldError("vehicle.categoryCode", "unknown code ZZZZ"))));
    assertNothingWritten();
  }

  @Test
  void inputErrorsAloneMakeAnOtherwiseValidRequestInvalid() {
    List<FieldError> unknownField = List.of(new FieldError("discount", "is not a known field"));

    CreateReservationResult result =
        service()
            .create(
                new CreateReservationCommand(
                    CLIENT, Optional.of("key-5"), validRequest(), unknownField, null))
            .block();

    assertThat(result).isEqualTo(new CreateReservationResult.Invalid(unknownField));
    assertNothingWritten();
  }

  @Test
  void aRequestBreakingABusinessRuleIsRefusedWithTheRuleAndWritesNothing() {
    ReservationRequest valid = validRequest();
    ReservationRequest beforeOpening =
        new ReservationRequest(
            valid.firstName(),
            valid.lastName(),
            valid.email(),
            valid.phone(),
            valid.categoryCode(),
            valid.supplierCode(),
            "MAD-ATOCHA",
            "2027-03-10T06:00:00",
            valid.dropoffOfficeCode(),
            valid.dropoffAt(),
            valid.paymentMethodToken());

    CreateReservationResult result = service().create(command("key-6", beforeOpening)).block();

    assertThat(result)
        .isEqualTo(
            new CreateReservationResult.RuleViolated(
                "office-closed",
                "Office MAD-ATOCHA is open 07:00–23:00; choose a pickup time within its opening"
                    + " hours"));
    assertNothingWritten();
  }

  @Test
  void aCodeCollisionDrawsAnotherCodeInAFreshTransaction() {
    codes = new ScriptedReservationCodes("AAAAAAAA", "AAAAAAAA", "AAAAAAAA", "BBBBBBBB");
    var service = service();
    Reservation first = created(service.create(command("key-7", validRequest())).block());

    Reservation second =
        created(
            service
                .create(
                    new CreateReservationCommand(CLIENT, Optional.empty(), validRequest(), null))
                .block());

    assertThat(first.code().value()).isEqualTo("AAAAAAAA");
    assertThat(second.code().value()).isEqualTo("BBBBBBBB");
    assertThat(adapters.reservations.all()).containsExactly(first, second);
    assertThat(adapters.outbox.events())
        .extracting(e -> e.reservation().code().value())
        .containsExactly("AAAAAAAA", "BBBBBBBB");
    assertThat(adapters.audit.records()).hasSize(2);
    assertThat(adapters.transactions.committed()).isEqualTo(2);
    assertThat(adapters.transactions.rolledBack()).isEqualTo(2);
  }

  @Test
  void whenEveryDrawnCodeCollidesTheServiceGivesUpAfterItsAttemptsAndWritesNothing() {
    adapters.reservations.store(ServiceFixtures.created("AAAAAAAA", "client-0", NOW));
    codes =
        new ScriptedReservationCodes(
            "AAAAAAAA", "AAAAAAAA", "AAAAAAAA", "AAAAAAAA", "AAAAAAAA", "BBBBBBBB");

    Mono<CreateReservationResult> exhausted = service().create(command("key-8", validRequest()));

    assertThatThrownBy(exhausted::block)
        .isInstanceOf(ReservationCodesExhaustedException.class)
        .hasMessage("No free reservation code after 5 attempts")
        .hasCauseInstanceOf(DuplicateReservationCodeException.class);
    assertThat(codes.drawn()).hasSize(MAX_CODE_ATTEMPTS);
    assertThat(adapters.reservations.all())
        .extracting(Reservation::clientId)
        .containsExactly("client-0");
    assertThat(adapters.reservations.writes()).isEmpty();
    assertThat(adapters.outbox.events()).isEmpty();
    assertThat(adapters.audit.records()).isEmpty();
  }

  @Test
  void whenTheOutboxWriteFailsNothingOfTheReservationIsKept() {
    adapters.outbox.failAppendsWith(new IllegalStateException("schema registry unreachable"));

    Mono<CreateReservationResult> result = service().create(command("key-9", validRequest()));

    assertThatThrownBy(result::block).hasMessage("schema registry unreachable");
    assertThat(adapters.transactions.rolledBack()).isEqualTo(1);
    assertThat(adapters.reservations.all()).isEmpty();
    assertThat(adapters.outbox.events()).isEmpty();
    assertThat(adapters.audit.records()).isEmpty();
  }

  @Test
  void whenTheAuditRecordCannotBeWrittenTheReservationIsNotKeptEither() {
    adapters.audit.failWith(new IllegalStateException("audit_log is full"));

    Mono<CreateReservationResult> result = service().create(command("key-10", validRequest()));

    assertThatThrownBy(result::block).hasMessage("audit_log is full");
    assertThat(adapters.reservations.all()).isEmpty();
    assertThat(adapters.outbox.events()).isEmpty();
  }

  @Test
  void aConcurrentRequestWithTheSameKeyThatCommittedFirstIsReturnedAsAReplay() {
    Reservation winner = ServiceFixtures.created("RACEWON1");
    adapters.reservations.beforeNextInsert(
        () ->
            adapters.reservations.store(
                winner,
                new IdempotencyRecord(
                    "key-11",
                    CreateReservationService.requestHash(validRequest().canonicalForm()))));

    CreateReservationResult result = service().create(command("key-11", validRequest())).block();

    assertThat(result).isEqualTo(new CreateReservationResult.Created(winner, true));
    assertThat(adapters.reservations.all()).containsExactly(winner);
    assertThat(adapters.reservations.writes()).isEmpty();
    assertThat(adapters.outbox.events()).isEmpty();
    assertThat(adapters.transactions.rolledBack()).isEqualTo(1);
    assertThat(adapters.audit.records())
        .extracting(AuditRecord::action)
        .containsExactly(Action.READ);
  }

  @Test
  void aConcurrentRequestWithTheSameKeyAndAnotherBodyThatCommittedFirstMakesThisOneRefused() {
    Reservation winner = ServiceFixtures.created("RACEWON2");
    adapters.reservations.beforeNextInsert(
        () ->
            adapters.reservations.store(
                winner,
                new IdempotencyRecord(
                    "key-12",
                    CreateReservationService.requestHash(
                        withCategory(validRequest(), "ECMN").canonicalForm()))));

    CreateReservationResult result = service().create(command("key-12", validRequest())).block();

    assertThat(result).isEqualTo(new CreateReservationResult.IdempotencyKeyReused("key-12"));
    assertThat(adapters.reservations.all()).containsExactly(winner);
    assertThat(adapters.outbox.events()).isEmpty();
    assertThat(adapters.audit.records()).isEmpty();
  }

  @Test
  void theServiceNeedsAtLeastOneCodeAttempt() {
    assertThatThrownBy(
            () ->
                new CreateReservationService(
                    FixedReferenceData.seeded(),
                    adapters.reservations,
                    adapters.outbox,
                    codes,
                    adapters.transactions,
                    clockAt(NOW),
                    0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private CreateReservationService service() {
    return service(clockAt(NOW));
  }

  private CreateReservationService service(Clock clock) {
    return new CreateReservationService(
        FixedReferenceData.seeded(),
        adapters.reservations,
        adapters.outbox,
        codes,
        adapters.transactions,
        clock,
        MAX_CODE_ATTEMPTS,
        adapters.audit,
        adapters.progress);
  }

  private static CreateReservationCommand command(String key, ReservationRequest request) {
    return new CreateReservationCommand(CLIENT, Optional.of(key), request, null);
  }

  private static Reservation created(CreateReservationResult result) {
    assertThat(result).isInstanceOf(CreateReservationResult.Created.class);
    return ((CreateReservationResult.Created) result).reservation();
  }

  private void assertNothingWritten() {
    assertThat(adapters.reservations.all()).isEmpty();
    assertThat(adapters.outbox.events()).isEmpty();
    assertThat(adapters.audit.records()).isEmpty();
    assertThat(adapters.transactions.begun()).isZero();
    assertThat(codes.drawn()).isEmpty();
  }
}
