package com.reservas.reservation.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase.OutcomeCommand;
import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase.OutcomeResult;
import com.reservas.reservation.application.port.in.CreateReservationCommand;
import com.reservas.reservation.application.port.in.CreateReservationResult;
import com.reservas.reservation.application.port.in.CreateReservationResult.Created;
import com.reservas.reservation.application.port.in.CreateReservationResult.IdempotencyKeyReused;
import com.reservas.reservation.application.port.in.ReservationRequest;
import com.reservas.reservation.application.port.out.ReservationCodeGenerator;
import com.reservas.reservation.application.service.ApplyOutcomeService;
import com.reservas.reservation.application.service.CreateReservationService;
import com.reservas.reservation.application.service.SecureRandomReservationCodes;
import com.reservas.reservation.domain.Outcome;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationCode;
import com.reservas.reservation.domain.ReservationStatus;
import com.reservas.testsupport.ConcurrentCallers;
import io.r2dbc.pool.ConnectionPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every path that relies on a duplicate key, under thousands of concurrent conflicting writes on a
 * small pool wired as in the services, while one caller in eight gives up at a random moment
 * (clients that go away, timeouts). Each write ends with its documented outcome, nothing is written
 * twice, and every connection returns to the pool. A write that hangs fails the storm's deadline.
 */
class DuplicateKeyStressTest {

  private static final int MAX_CONNECTIONS = 4;
  private static final int WRITES = 2_000;
  private static final ConcurrentCallers WRITERS =
      new ConcurrentCallers(WRITES, 64, 8, Duration.ofSeconds(60));

  /** Outcomes of one reservation queue on its row lock: fewer keep the test at a few seconds. */
  private static final ConcurrentCallers REDELIVERIES =
      new ConcurrentCallers(1_000, 64, 8, Duration.ofSeconds(60));

  private final PersistenceFixture fixture = PersistenceFixture.pooled(MAX_CONNECTIONS);

  @AfterEach
  void everyConnectionReturnsToThePool() {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(fixture.acquiredConnections()).isZero());
    ((ConnectionPool) fixture.connections).dispose();
  }

  @Test
  void collidingReservationCodesAreRedrawnAndEveryCreateGetsACodeOfItsOwn() {
    List<ReservationCode> taken = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      taken.add(created(fixture.creating().create(command(Optional.empty())).block()).code());
    }
    AtomicInteger collisionsDrawn = new AtomicInteger();
    ReservationCodeGenerator random = new SecureRandomReservationCodes();
    ReservationCodeGenerator colliding =
        () -> {
          ThreadLocalRandom dice = ThreadLocalRandom.current();
          if (dice.nextInt(4) == 0) {
            collisionsDrawn.incrementAndGet();
            return taken.get(dice.nextInt(taken.size()));
          }
          return random.next();
        };
    // 12 attempts: a create that keeps drawing taken codes (1 in 4^12) cannot flake the test.
    CreateReservationService creating =
        new CreateReservationService(
            fixture.referenceData,
            fixture.reservations,
            fixture.outbox,
            colliding,
            fixture.transactions,
            fixture.clock,
            12);

    List<CreateReservationResult> answered =
        WRITERS.answers(i -> creating.create(command(Optional.empty())));

    assertThat(answered).isNotEmpty().allMatch(r -> r instanceof Created c && !c.replayed());
    List<String> codes = answered.stream().map(r -> created(r).code().value()).toList();
    assertThat(codes).doesNotHaveDuplicates().doesNotContainAnyElementsOf(values(taken));
    assertThat(collisionsDrawn.get()).as("collisions drawn").isGreaterThan(WRITES / 8);
    long reservations = fixture.count("reservation");
    assertThat(reservations).isBetween(20L + answered.size(), 20L + WRITES);
    assertEveryReservationWrittenOnce(reservations);
  }

  @Test
  void oneIdempotencyKeyStoresOneReservationThatEveryReplayShowsAndAnotherRequestCannotTake() {
    ReservationRequest request = PersistenceFixture.validRequest();
    ReservationRequest other = withCustomerEmail(request, "someone.else@example.com");
    Optional<String> key = Optional.of("same-key-" + UUID.randomUUID());

    List<CreateReservationResult> answered =
        WRITERS.answers(
            i ->
                fixture
                    .creating()
                    .create(
                        new CreateReservationCommand(
                            "client-1", key, i % 2 == 0 ? request : other, null)));

    assertThat(fixture.count("reservation")).isOne();
    assertEveryReservationWrittenOnce(1);
    String code =
        fixture.query("SELECT code FROM reservation WHERE idempotency_key = '" + key.get() + "'");
    Map<Class<?>, Long> kinds =
        answered.stream().collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
    assertThat(kinds.keySet()).containsOnly(Created.class, IdempotencyKeyReused.class);
    assertThat(answered)
        .filteredOn(Created.class::isInstance)
        .allMatch(r -> created(r).code().value().equals(code))
        .filteredOn(r -> !((Created) r).replayed())
        .hasSizeLessThanOrEqualTo(1);
    // Half the writes sent the other request: whichever request won the key, the rest are refused.
    assertThat(kinds.getOrDefault(IdempotencyKeyReused.class, 0L)).isPositive();
  }

  @Test
  void aRedeliveredOutcomeIsAppliedOnceAndOneStatusGetsOneHistoryRow() {
    Reservation reservation = created(fixture.creating().create(command(Optional.empty())).block());
    ApplyOutcomeService applying = fixture.applyingOutcomes();
    UUID redelivered = UUID.randomUUID();

    List<OutcomeResult> answered =
        REDELIVERIES.answers(
            i ->
                applying.apply(
                    new OutcomeCommand(
                        "status-projector-payments",
                        // Half redeliveries of one event, half other events with the same outcome.
                        i % 2 == 0 ? redelivered : UUID.randomUUID(),
                        reservation.code().value(),
                        new Outcome.PaymentAuthorized("pi_123"),
                        PersistenceFixture.NOW.plusSeconds(5),
                        List.of(),
                        null)));

    assertThat(answered)
        .containsOnly(OutcomeResult.APPLIED, OutcomeResult.DUPLICATE, OutcomeResult.UNCHANGED);
    assertThat(answered).filteredOn(OutcomeResult.APPLIED::equals).hasSizeLessThanOrEqualTo(1);
    assertThat(
            fixture.count(
                "inbox_event WHERE consumer = 'status-projector-payments' AND event_id = '"
                    + redelivered
                    + "'"))
        .isOne();
    assertThat(
            fixture.count(
                "reservation_status_history WHERE reservation_code = '"
                    + reservation.code().value()
                    + "' AND status = '"
                    + ReservationStatus.PAID
                    + "'"))
        .isOne();
    assertThat(fixture.reservations.findByCode(reservation.code()).block().status())
        .isEqualTo(ReservationStatus.PAID);
  }

  /** Each reservation has one contact, one history row and one outbox event: none twice. */
  private void assertEveryReservationWrittenOnce(long reservations) {
    assertThat(fixture.count("reservation_contact")).isEqualTo(reservations);
    assertThat(fixture.count("reservation_status_history")).isEqualTo(reservations);
    assertThat(fixture.count("outbox_event")).isEqualTo(reservations);
  }

  private static CreateReservationCommand command(Optional<String> idempotencyKey) {
    return new CreateReservationCommand(
        "client-1", idempotencyKey, PersistenceFixture.validRequest(), null);
  }

  private static Reservation created(CreateReservationResult result) {
    assertThat(result).isInstanceOf(Created.class);
    return ((Created) result).reservation();
  }

  private static List<String> values(List<ReservationCode> codes) {
    return codes.stream().map(ReservationCode::value).toList();
  }

  private static ReservationRequest withCustomerEmail(ReservationRequest r, String email) {
    return new ReservationRequest(
        r.firstName(),
        r.lastName(),
        email,
        r.phone(),
        r.categoryCode(),
        r.supplierCode(),
        r.pickupOfficeCode(),
        r.pickupAt(),
        r.dropoffOfficeCode(),
        r.dropoffAt(),
        r.paymentMethodToken());
  }
}
