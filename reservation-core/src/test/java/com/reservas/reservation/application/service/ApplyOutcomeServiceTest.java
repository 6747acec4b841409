package com.reservas.reservation.application.service;

import static com.reservas.reservation.application.service.ServiceFixtures.NOW;
import static com.reservas.reservation.application.service.ServiceFixtures.TRACEPARENT;
import static com.reservas.reservation.application.service.ServiceFixtures.created;
import static com.reservas.reservation.application.service.ServiceFixtures.outcome;
import static com.reservas.reservation.application.service.ServiceFixtures.paid;
import static com.reservas.reservation.application.service.ServiceFixtures.paymentInProgress;
import static com.reservas.reservation.application.service.ServiceFixtures.stripeCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.reservation.application.fakes.InMemoryAdapters;
import com.reservas.reservation.application.fakes.InMemoryExternalCallLog;
import com.reservas.reservation.application.fakes.InMemoryInbox.Processed;
import com.reservas.reservation.application.fakes.InMemoryReservationRepository.Write;
import com.reservas.reservation.application.fakes.RecordingAuditTrail.Recorded;
import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase.OutcomeCommand;
import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase.OutcomeResult;
import com.reservas.reservation.application.port.out.AuditRecord;
import com.reservas.reservation.application.port.out.AuditRecord.Action;
import com.reservas.reservation.application.port.out.ExternalCallLog.ExternalCall;
import com.reservas.reservation.domain.Outcome;
import com.reservas.reservation.domain.PaymentStatus;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationCode;
import com.reservas.reservation.domain.ReservationEvent.ReservationStatusChanged;
import com.reservas.reservation.domain.ReservationStatus;
import com.reservas.reservation.domain.StatusChange;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ApplyOutcomeServiceTest {

  private static final String PAYMENTS = "payment-consumer";
  private static final String SUPPLIERS = "supplier-consumer";
  private static final String CODE = "K7P2QX9A";
  private static final String OTHER = "M4T8RW2Z";

  private final InMemoryAdapters adapters = new InMemoryAdapters();
  private final ApplyOutcomeService service =
      new ApplyOutcomeService(
          adapters.inbox,
          adapters.reservations,
          adapters.callLog,
          adapters.writer(),
          adapters.audit);

  @Test
  void anOutcomeMovesTheReservationAndWritesStateEventInboxMarkCallsAndAuditInOneTransaction() {
    adapters.reservations.store(created(CODE));
    UUID eventId = UUID.randomUUID();
    ExternalCall call = stripeCall("authorize");

    OutcomeResult result =
        service
            .apply(
                outcome(
                    PAYMENTS,
                    eventId,
                    CODE,
                    new Outcome.PaymentAuthorizationStarted(),
                    List.of(call)))
            .block();

    assertThat(result).isEqualTo(OutcomeResult.APPLIED);
    Reservation stored = stored();
    assertThat(stored.status()).isEqualTo(ReservationStatus.PAYMENT_IN_PROGRESS);
    assertThat(stored.paymentStatus()).isEqualTo(PaymentStatus.IN_PROGRESS);
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.history())
        .extracting(StatusChange::status)
        .containsExactly(ReservationStatus.CREATED, ReservationStatus.PAYMENT_IN_PROGRESS);
    assertThat(adapters.outbox.appended())
        .singleElement()
        .satisfies(
            appended -> {
              assertThat(appended.traceparent()).isEqualTo(TRACEPARENT);
              assertThat(appended.event())
                  .isInstanceOfSatisfying(
                      ReservationStatusChanged.class,
                      e -> {
                        assertThat(e.previousStatus()).isEqualTo(ReservationStatus.CREATED);
                        assertThat(e.reservation()).isEqualTo(stored);
                      });
            });
    assertThat(adapters.inbox.contains(PAYMENTS, eventId)).isTrue();
    assertThat(adapters.callLog.rows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.reservationCode()).isEqualTo(CODE);
              assertThat(row.eventId()).isEqualTo(eventId);
              assertThat(row.call()).isEqualTo(call);
            });
    assertThat(adapters.audit.records())
        .containsExactly(
            new AuditRecord(
                NOW.plusSeconds(30),
                PAYMENTS,
                Action.STATUS_CHANGED,
                CODE,
                null,
                "status CREATED -> PAYMENT_IN_PROGRESS; payment PENDING -> IN_PROGRESS; outcome"
                    + " PaymentAuthorizationStarted, event "
                    + eventId));

    assertThat(adapters.transactions.begun()).isEqualTo(1);
    assertThat(adapters.transactions.committed()).isEqualTo(1);
    long transaction = adapters.reservations.writes().get(0).transaction();
    assertThat(transaction).isNotZero();
    assertThat(adapters.reservations.writes())
        .extracting(Write::transaction)
        .containsExactly(transaction);
    assertThat(adapters.outbox.appended().get(0).transaction()).isEqualTo(transaction);
    assertThat(adapters.inbox.processed()).containsValue(transaction);
    assertThat(adapters.callLog.rows())
        .extracting(InMemoryExternalCallLog.Row::transaction)
        .containsExactly(transaction);
    assertThat(adapters.audit.recorded())
        .extracting(Recorded::transaction)
        .containsExactly(transaction);
  }

  @Test
  void aRedeliveredOutcomeWithTheSameEventIdChangesNothing() {
    adapters.reservations.store(paymentInProgress(CODE));
    UUID eventId = UUID.randomUUID();
    OutcomeCommand authorized =
        outcome(
            PAYMENTS,
            eventId,
            CODE,
            new Outcome.PaymentAuthorized("pi_1"),
            List.of(stripeCall("authorize")));
    assertThat(service.apply(authorized).block()).isEqualTo(OutcomeResult.APPLIED);
    Reservation afterFirst = stored();

    OutcomeResult again = service.apply(authorized).block();

    assertThat(again).isEqualTo(OutcomeResult.DUPLICATE);
    assertThat(stored()).isEqualTo(afterFirst);
    assertThat(adapters.reservations.writes()).hasSize(1);
    assertThat(adapters.outbox.events()).hasSize(1);
    assertThat(adapters.audit.records()).hasSize(1);
    assertThat(adapters.callLog.rows()).hasSize(1);
    assertThat(adapters.inbox.processed()).hasSize(1);
  }

  @Test
  void theSameEventIdFromAnotherConsumerIsNotADuplicate() {
    adapters.reservations.store(paymentInProgress(CODE));
    UUID eventId = UUID.randomUUID();
    service
        .apply(outcome(PAYMENTS, eventId, CODE, new Outcome.PaymentAuthorized("pi_1"), List.of()))
        .block();

    OutcomeResult fromSuppliers =
        service
            .apply(
                outcome(SUPPLIERS, eventId, CODE, new Outcome.PaymentAuthorized("pi_1"), List.of()))
            .block();

    assertThat(fromSuppliers).isEqualTo(OutcomeResult.UNCHANGED);
    assertThat(adapters.inbox.contains(SUPPLIERS, eventId)).isTrue();
  }

  @Test
  void anOutcomeAlreadyReflectedInTheStateIsUnchangedButItsEventIsMarkedAndItsCallsKept() {
    Reservation paid = paid(CODE);
    adapters.reservations.store(paid);
    UUID eventId = UUID.randomUUID();
    ExternalCall call = stripeCall("authorize");

    OutcomeResult result =
        service
            .apply(
                outcome(
                    PAYMENTS, eventId, CODE, new Outcome.PaymentAuthorized("pi_1"), List.of(call)))
            .block();

    assertThat(result).isEqualTo(OutcomeResult.UNCHANGED);
    assertThat(stored()).isEqualTo(paid);
    assertThat(adapters.reservations.writes()).isEmpty();
    assertThat(adapters.outbox.events()).isEmpty();
    assertThat(adapters.audit.records()).isEmpty();
    assertThat(adapters.inbox.contains(PAYMENTS, eventId)).isTrue();
    assertThat(adapters.callLog.rows())
        .extracting(InMemoryExternalCallLog.Row::call)
        .containsExactly(call);
  }

  @Test
  void aPrematureOutcomeRecordsNothingNotEvenTheInboxMarkSoItCanBeAppliedWhenRedelivered() {
    Reservation inProgress = paymentInProgress(CODE);
    adapters.reservations.store(inProgress);
    UUID eventId = UUID.randomUUID();
    OutcomeCommand confirmation =
        outcome(
            SUPPLIERS,
            eventId,
            CODE,
            new Outcome.SupplierConfirmed("BK-1"),
            List.of(stripeCall("book")));

    assertThat(service.apply(confirmation).block()).isEqualTo(OutcomeResult.PREMATURE);

    assertThat(stored()).isEqualTo(inProgress);
    assertThat(adapters.inbox.contains(SUPPLIERS, eventId)).isFalse();
    assertThat(adapters.callLog.rows()).isEmpty();
    assertThat(adapters.outbox.events()).isEmpty();
    assertThat(adapters.transactions.rolledBack()).isEqualTo(1);

    service
        .apply(
            outcome(
                PAYMENTS,
                UUID.randomUUID(),
                CODE,
                new Outcome.PaymentAuthorized("pi_1"),
                List.of()))
        .block();
    assertThat(service.apply(confirmation).block()).isEqualTo(OutcomeResult.APPLIED);
    assertThat(stored().status()).isEqualTo(ReservationStatus.SUPPLIER_CONFIRMED);
    assertThat(stored().supplierBookingReference()).isEqualTo("BK-1");
  }

  @Test
  void anOutcomeForAnUnknownReservationIsReportedAndItsEventCountsAsProcessed() {
    UUID eventId = UUID.randomUUID();
    OutcomeCommand command =
        outcome(
            PAYMENTS, eventId, "NOSUCH00", new Outcome.PaymentAuthorizationStarted(), List.of());

    assertThat(service.apply(command).block()).isEqualTo(OutcomeResult.UNKNOWN_RESERVATION);
    assertThat(adapters.inbox.contains(PAYMENTS, eventId)).isTrue();
    assertThat(service.apply(command).block()).isEqualTo(OutcomeResult.DUPLICATE);
    assertThat(adapters.outbox.events()).isEmpty();
  }

  @Test
  void aMalformedReservationCodeIsUnknownWithoutOpeningATransaction() {
    OutcomeResult result =
        service
            .apply(
                outcome(
                    PAYMENTS,
                    UUID.randomUUID(),
                    "k7p2qx9a",
                    new Outcome.PaymentAuthorizationStarted(),
                    List.of()))
            .block();

    assertThat(result).isEqualTo(OutcomeResult.UNKNOWN_RESERVATION);
    assertThat(adapters.transactions.begun()).isZero();
    assertThat(adapters.inbox.processed()).isEmpty();
  }

  @Test
  void aSubStatusChangeIsWrittenAndAuditedWithoutAnEventWhenNobodyMustAct() {
    Reservation rejected = ServiceFixtures.after(paid(CODE), new Outcome.SupplierRejected("none"));
    adapters.reservations.store(rejected);

    OutcomeResult result =
        service
            .apply(
                outcome(PAYMENTS, UUID.randomUUID(), CODE, new Outcome.PaymentVoided(), List.of()))
            .block();

    assertThat(result).isEqualTo(OutcomeResult.APPLIED);
    assertThat(stored().paymentStatus()).isEqualTo(PaymentStatus.VOIDED);
    assertThat(stored().version()).isEqualTo(rejected.version() + 1);
    assertThat(stored().history()).isEqualTo(rejected.history());
    assertThat(adapters.outbox.events()).isEmpty();
    assertThat(adapters.audit.records())
        .singleElement()
        .extracting(AuditRecord::details)
        .asString()
        .startsWith("payment AUTHORIZED -> VOIDED; outcome PaymentVoided");
  }

  @Test
  void anOutcomeThatLosesTheCompareAndSetIsAppliedAgainToTheFreshState() {
    Reservation inProgress = paymentInProgress(CODE);
    adapters.reservations.store(inProgress);
    adapters.reservations.loseNextUpdates(
        inProgress.code(), 1, ServiceFixtures::cancelledByCustomer);
    UUID eventId = UUID.randomUUID();

    OutcomeResult result =
        service
            .apply(
                outcome(PAYMENTS, eventId, CODE, new Outcome.PaymentAuthorized("pi_1"), List.of()))
            .block();

    assertThat(result).isEqualTo(OutcomeResult.APPLIED);
    Reservation stored = stored();
    assertThat(stored.status()).isEqualTo(ReservationStatus.CANCELLED);
    assertThat(stored.cancellationReason()).isEqualTo("changed my mind");
    assertThat(stored.paymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
    assertThat(stored.paymentIntentId()).isEqualTo("pi_1");
    assertThat(stored.version()).isEqualTo(inProgress.version() + 2);
    assertThat(adapters.outbox.events())
        .singleElement()
        .isInstanceOfSatisfying(
            ReservationStatusChanged.class,
            e -> assertThat(e.reason()).isEqualTo(Reservation.RELEASE_LATE_AUTHORIZATION));
    assertThat(adapters.reservations.updateAttempts()).isEqualTo(2);
    assertThat(adapters.transactions.rolledBack()).isEqualTo(1);
    assertThat(adapters.transactions.committed()).isEqualTo(1);
    assertThat(adapters.inbox.processed()).containsOnlyKeys(new Processed(PAYMENTS, eventId));
  }

  @Test
  void anOutcomeThatKeepsLosingFailsStaleAfterTheRetriesAndLeavesItsEventUnprocessed() {
    Reservation created = created(CODE);
    adapters.reservations.store(created);
    adapters.reservations.loseNextUpdates(
        created.code(), Integer.MAX_VALUE, ServiceFixtures::remindedByAnotherWriter);
    UUID eventId = UUID.randomUUID();

    Mono<OutcomeResult> result =
        service.apply(
            outcome(PAYMENTS, eventId, CODE, new Outcome.PaymentAuthorizationStarted(), List.of()));

    assertThatThrownBy(result::block).isInstanceOf(StaleReservationException.class);
    assertThat(adapters.reservations.updateAttempts())
        .isEqualTo(TransitionWriter.MAX_CONFLICT_RETRIES + 1);
    assertThat(adapters.inbox.contains(PAYMENTS, eventId)).isFalse();
    assertThat(adapters.reservations.writes()).isEmpty();
    assertThat(adapters.outbox.events()).isEmpty();
    assertThat(adapters.audit.records()).isEmpty();
    assertThat(stored().status()).isEqualTo(ReservationStatus.CREATED);
  }

  @Test
  void whenTheEventCannotBeWrittenTheStateAndTheInboxMarkAreRolledBackSoARedeliveryApplies() {
    Reservation created = created(CODE);
    adapters.reservations.store(created);
    UUID eventId = UUID.randomUUID();
    OutcomeCommand started =
        outcome(PAYMENTS, eventId, CODE, new Outcome.PaymentAuthorizationStarted(), List.of());
    adapters.outbox.failAppendsWith(new IllegalStateException("connection reset"));

    assertThatThrownBy(() -> service.apply(started).block()).hasMessage("connection reset");
    assertThat(stored()).isEqualTo(created);
    assertThat(adapters.inbox.contains(PAYMENTS, eventId)).isFalse();

    adapters.outbox.failAppendsWith(null);
    assertThat(service.apply(started).block()).isEqualTo(OutcomeResult.APPLIED);
    assertThat(stored().status()).isEqualTo(ReservationStatus.PAYMENT_IN_PROGRESS);
  }

  @Test
  void outcomesAppliedTogetherShareOneTransactionAndEachIsAppliedAsAloneInItsOrder() {
    adapters.reservations.store(created(CODE));
    adapters.reservations.store(created(OTHER));
    OutcomeCommand started =
        outcome(
            PAYMENTS,
            UUID.randomUUID(),
            CODE,
            new Outcome.PaymentAuthorizationStarted(),
            List.of());

    List<OutcomeResult> results =
        service
            .applyAll(
                List.of(
                    started,
                    outcome(
                        PAYMENTS,
                        UUID.randomUUID(),
                        CODE,
                        new Outcome.PaymentAuthorized("pi_1"),
                        List.of(stripeCall("authorize"))),
                    outcome(
                        PAYMENTS,
                        UUID.randomUUID(),
                        OTHER,
                        new Outcome.PaymentAuthorizationStarted(),
                        List.of()),
                    started))
            .block();

    assertThat(results)
        .containsExactly(
            OutcomeResult.APPLIED,
            OutcomeResult.APPLIED,
            OutcomeResult.APPLIED,
            OutcomeResult.DUPLICATE);
    assertThat(adapters.transactions.begun()).isEqualTo(1);
    assertThat(adapters.transactions.committed()).isEqualTo(1);
    // the second outcome read what the first wrote, in the same transaction
    assertThat(stored().history())
        .extracting(StatusChange::status)
        .containsExactly(
            ReservationStatus.CREATED,
            ReservationStatus.PAYMENT_IN_PROGRESS,
            ReservationStatus.PAID);
    assertThat(adapters.reservations.stored(new ReservationCode(OTHER)).orElseThrow().status())
        .isEqualTo(ReservationStatus.PAYMENT_IN_PROGRESS);
    assertThat(adapters.outbox.events()).hasSize(3);
    assertThat(adapters.callLog.rows()).hasSize(1);
    // the saga's progress hears of all three once, after the one commit
    assertThat(adapters.progress.committed()).hasSize(3);
    assertThat(adapters.progress.commitsWhenTold()).containsOnly(1);
  }

  @Test
  void aPrematureOutcomeFailsItsWholeGroupWhichRecordsNothingSoItCanBeAppliedOneByOne() {
    Reservation created = created(CODE);
    adapters.reservations.store(created);
    adapters.reservations.store(paymentInProgress(OTHER));
    OutcomeCommand started =
        outcome(
            PAYMENTS,
            UUID.randomUUID(),
            CODE,
            new Outcome.PaymentAuthorizationStarted(),
            List.of());
    OutcomeCommand early =
        outcome(
            SUPPLIERS,
            UUID.randomUUID(),
            OTHER,
            new Outcome.SupplierConfirmed("BK-1"),
            List.of(stripeCall("book")));

    assertThatThrownBy(() -> service.applyAll(List.of(started, early)).block())
        .isInstanceOf(RuntimeException.class);

    assertThat(stored()).isEqualTo(created);
    assertThat(adapters.inbox.processed()).isEmpty();
    assertThat(adapters.outbox.events()).isEmpty();
    assertThat(adapters.callLog.rows()).isEmpty();
    assertThat(adapters.transactions.rolledBack()).isEqualTo(1);
    assertThat(adapters.progress.committed()).isEmpty();
    assertThat(service.apply(started).block()).isEqualTo(OutcomeResult.APPLIED);
    assertThat(service.apply(early).block()).isEqualTo(OutcomeResult.PREMATURE);
  }

  private Reservation stored() {
    return adapters.reservations.stored(new ReservationCode(CODE)).orElseThrow();
  }
}
