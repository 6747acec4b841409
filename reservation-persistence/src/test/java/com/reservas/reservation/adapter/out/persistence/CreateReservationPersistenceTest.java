package com.reservas.reservation.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.reservation.application.port.in.CreateReservationCommand;
import com.reservas.reservation.application.port.in.CreateReservationResult;
import com.reservas.reservation.application.port.in.ReservationRequest;
import com.reservas.reservation.application.port.out.ReservationEventOutbox;
import com.reservas.reservation.application.service.ReservationCodesExhaustedException;
import com.reservas.reservation.domain.PaymentStatus;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationCode;
import com.reservas.reservation.domain.ReservationStatus;
import com.reservas.reservation.domain.SupplierStatus;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.avro.ReservationSnapshot;
import com.reservas.testsupport.seal.TestTokenSeal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class CreateReservationPersistenceTest {

  private PersistenceFixture fixture;

  @BeforeEach
  void freshDatabase() {
    fixture = new PersistenceFixture();
  }

  @Test
  void aValidRequestStoresTheReservationContactHistoryAndOutboxEventTogether() throws Exception {
    Reservation stored = created(fixture.creating().create(command(Optional.empty())).block());

    Reservation read = fixture.reservations.findByCode(stored.code()).block();
    assertThat(read).isEqualTo(stored);
    assertThat(read.status()).isEqualTo(ReservationStatus.CREATED);
    assertThat(read.paymentStatus()).isEqualTo(PaymentStatus.PENDING);
    assertThat(read.supplierStatus()).isEqualTo(SupplierStatus.PENDING);
    assertThat(read.price().amountText()).isEqualTo("412.00");
    assertThat(read.details().customer().lastName()).isEqualTo("García Núñez");

    try (Connection c = fixture.database.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT aggregate_type, aggregate_id, event_type, payload FROM outbox_event")) {
      ResultSet rs = s.executeQuery();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("aggregate_type")).isEqualTo("reservations.events");
      assertThat(rs.getString("aggregate_id")).isEqualTo(stored.code().value());
      assertThat(rs.getString("event_type")).isEqualTo("ReservationCreated");
      byte[] payload = rs.getBytes("payload");
      assertThat(payload[0]).isZero();
      ReservationCreated event = (ReservationCreated) fixture.codec.decode(payload);
      assertThat(event.getReservation().getCode()).isEqualTo(stored.code().value());
      assertThat(event.getReservation().getPrice().getAmount()).isEqualTo("412.00");
      assertThat(event.getMetadata().getEventType()).isEqualTo("ReservationCreated");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void theEventCarriesTheDriversNameButNoContactDetailsAndTheTokenSealedForThePaymentConsumer()
      throws Exception {
    Reservation stored = created(fixture.creating().create(command(Optional.empty())).block());

    try (Connection c = fixture.database.connect();
        PreparedStatement s = c.prepareStatement("SELECT payload FROM outbox_event")) {
      ResultSet rs = s.executeQuery();
      assertThat(rs.next()).isTrue();
      byte[] payload = rs.getBytes("payload");
      // What Kafka, every subscriber, every retry and dead-letter copy and the binlog carry.
      assertThat(new String(payload, StandardCharsets.ISO_8859_1))
          .contains("Ana")
          .doesNotContain("ana@example.com", "+34600111222", "pm_card_visa");
      ReservationSnapshot snapshot =
          ((ReservationCreated) fixture.codec.decode(payload)).getReservation();
      assertThat(snapshot.getCustomer().getLastName()).isEqualTo("García Núñez");
      assertThat(snapshot.getCustomer().getEmail()).isNull();
      assertThat(snapshot.getCustomer().getPhone()).isNull();
      assertThat(snapshot.getPaymentMethodToken()).isNull();
      assertThat(
              TestTokenSeal.SEAL.open(
                  stored.code().value(), snapshot.getSealedPaymentMethodToken()))
          .isEqualTo("pm_card_visa");
    }
  }

  @Test
  void whenTheOutboxWriteFailsNothingOfTheReservationIsKept() {
    ReservationEventOutbox failing =
        (event, trace) ->
            fixture.outbox.append(event, trace).then(Mono.error(new IllegalStateException("boom")));

    Mono<CreateReservationResult> result =
        fixture
            .creating(
                new com.reservas.reservation.application.service.SecureRandomReservationCodes(),
                failing)
            .create(command(Optional.empty()));

    assertThat(result.onErrorResume(e -> Mono.empty()).block()).isNull();
    assertThat(fixture.reservationRows()).isZero();
  }

  @Test
  void anInvalidRequestWritesNothing() {
    ReservationRequest request = PersistenceFixture.validRequest();
    ReservationRequest invalid =
        new ReservationRequest(
            request.firstName(),
            null,
            "not-an-email",
            request.phone(),
            "ZZZZ",
            request.supplierCode(),
            request.pickupOfficeCode(),
            "2020-01-01T10:00:00",
            request.dropoffOfficeCode(),
            request.dropoffAt(),
            "4242 4242 4242 4242");

    CreateReservationResult result =
        fixture
            .creating()
            .create(new CreateReservationCommand("client-1", Optional.empty(), invalid, null))
            .block();

    assertThat(result)
        .isInstanceOfSatisfying(
            CreateReservationResult.Invalid.class,
            r ->
                assertThat(r.errors())
                    .extracting(e -> e.field())
                    .containsExactlyInAnyOrder(
                        "customer.lastName",
                        "customer.email",
                        "vehicle.categoryCode",
                        "pickup.at",
                        "payment.paymentMethodToken"));
    assertThat(fixture.reservationRows()).isZero();
  }

  @Test
  void aCodeCollisionDrawsAnotherCode() {
    Reservation first =
        created(
            fixture
                .creating(() -> new ReservationCode("AAAAAAAA"), fixture.outbox)
                .create(command(Optional.empty()))
                .block());
    Deque<String> draws = new ArrayDeque<>(List.of("AAAAAAAA", "AAAAAAAA", "BBBBBBBB"));

    Reservation second =
        created(
            fixture
                .creating(() -> new ReservationCode(draws.pop()), fixture.outbox)
                .create(command(Optional.empty()))
                .block());

    assertThat(first.code().value()).isEqualTo("AAAAAAAA");
    assertThat(second.code().value()).isEqualTo("BBBBBBBB");
    assertThat(fixture.count("reservation")).isEqualTo(2);
    assertThat(fixture.count("outbox_event")).isEqualTo(2);
  }

  @Test
  void whenEveryDrawnCodeCollidesTheErrorSaysSoAndNothingIsWritten() {
    fixture
        .creating(() -> new ReservationCode("AAAAAAAA"), fixture.outbox)
        .create(command(Optional.empty()))
        .block();
    long before = fixture.reservationRows();

    Mono<CreateReservationResult> exhausted =
        fixture
            .creating(() -> new ReservationCode("AAAAAAAA"), fixture.outbox)
            .create(command(Optional.empty()));

    org.assertj.core.api.Assertions.assertThatThrownBy(exhausted::block)
        .isInstanceOf(ReservationCodesExhaustedException.class)
        .hasMessageContaining("5 attempts");
    assertThat(fixture.reservationRows()).isEqualTo(before);
  }

  @Test
  void theSameIdempotencyKeyAndRequestReturnTheFirstReservation() {
    var service = fixture.creating();
    CreateReservationResult first = service.create(command(Optional.of("key-1"))).block();
    CreateReservationResult again = service.create(command(Optional.of("key-1"))).block();

    assertThat(again)
        .isInstanceOfSatisfying(
            CreateReservationResult.Created.class,
            r -> {
              assertThat(r.replayed()).isTrue();
              assertThat(r.reservation().code()).isEqualTo(created(first).code());
            });
    assertThat(fixture.count("reservation")).isEqualTo(1);
  }

  @Test
  void theSameIdempotencyKeyWithAnotherRequestIsRefused() {
    var service = fixture.creating();
    service.create(command(Optional.of("key-2"))).block();
    ReservationRequest other = PersistenceFixture.validRequest();
    other =
        new ReservationRequest(
            other.firstName(),
            other.lastName(),
            other.email(),
            other.phone(),
            "ECMN",
            other.supplierCode(),
            other.pickupOfficeCode(),
            other.pickupAt(),
            other.dropoffOfficeCode(),
            other.dropoffAt(),
            other.paymentMethodToken());

    CreateReservationResult result =
        service
            .create(new CreateReservationCommand("client-1", Optional.of("key-2"), other, null))
            .block();

    assertThat(result).isInstanceOf(CreateReservationResult.IdempotencyKeyReused.class);
    assertThat(fixture.count("reservation")).isEqualTo(1);
  }

  @Test
  void outboxRowsAreDeletedInTheirOwnTransactionWhenNotKept() {
    var deleting =
        new R2dbcReservationEventOutbox(
            new OutboxWriter(fixture.db, fixture.clock, false), fixture.codec, TestTokenSeal.SEAL);

    fixture
        .creating(
            new com.reservas.reservation.application.service.SecureRandomReservationCodes(),
            deleting)
        .create(command(Optional.empty()))
        .block();

    assertThat(fixture.count("reservation")).isEqualTo(1);
    assertThat(fixture.count("outbox_event")).isZero();
  }

  static CreateReservationCommand command(Optional<String> idempotencyKey) {
    return new CreateReservationCommand(
        "client-1", idempotencyKey, PersistenceFixture.validRequest(), null);
  }

  static Reservation created(CreateReservationResult result) {
    assertThat(result).isInstanceOf(CreateReservationResult.Created.class);
    return ((CreateReservationResult.Created) result).reservation();
  }
}
