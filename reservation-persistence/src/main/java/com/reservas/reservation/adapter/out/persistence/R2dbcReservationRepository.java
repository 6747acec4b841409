package com.reservas.reservation.adapter.out.persistence;

import static com.reservas.reservation.adapter.out.persistence.UtcTimes.fromColumn;
import static com.reservas.reservation.adapter.out.persistence.UtcTimes.toColumn;

import com.reservas.reservation.application.port.out.DuplicateIdempotencyKeyException;
import com.reservas.reservation.application.port.out.DuplicateReservationCodeException;
import com.reservas.reservation.application.port.out.ReservationRepository;
import com.reservas.reservation.domain.Customer;
import com.reservas.reservation.domain.Handover;
import com.reservas.reservation.domain.Money;
import com.reservas.reservation.domain.PaymentStatus;
import com.reservas.reservation.domain.RentalPeriod;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationCode;
import com.reservas.reservation.domain.ReservationDetails;
import com.reservas.reservation.domain.ReservationStatus;
import com.reservas.reservation.domain.StatusChange;
import com.reservas.reservation.domain.SupplierStatus;
import com.reservas.reservation.domain.VehicleChoice;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reservations in MySQL/MariaDB over R2DBC: the aggregate row, the contact row and the history
 * rows. Every statement joins the surrounding transaction; none opens its own.
 */
public final class R2dbcReservationRepository implements ReservationRepository {

  private static final String SELECT =
      """
      SELECT r.*, c.first_name, c.last_name, c.email, c.phone
        FROM reservation r JOIN reservation_contact c ON c.reservation_code = r.code
      """;

  private final DatabaseClient db;

  public R2dbcReservationRepository(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Void> insert(Reservation reservation, Optional<IdempotencyRecord> idempotency) {
    ReservationDetails d = reservation.details();
    RentalPeriod period = d.period();
    GenericExecuteSpec insert =
        db.sql(
                """
                INSERT INTO reservation (code, client_id, idempotency_key, request_hash, status,
                  payment_status, supplier_status, category_code, supplier_code,
                  pickup_office_code, pickup_at, pickup_time_zone,
                  dropoff_office_code, dropoff_at, dropoff_time_zone,
                  price_amount, price_currency, payment_method_token, version, created_at, updated_at)
                VALUES (:code, :clientId, :idempotencyKey, :requestHash, :status,
                  :paymentStatus, :supplierStatus, :categoryCode, :supplierCode,
                  :pickupOffice, :pickupAt, :pickupZone,
                  :dropoffOffice, :dropoffAt, :dropoffZone,
                  :amount, :currency, :token, :version, :createdAt, :updatedAt)
                """)
            .bind("code", reservation.code().value())
            .bind("clientId", reservation.clientId())
            .bind("status", reservation.status().name())
            .bind("paymentStatus", reservation.paymentStatus().name())
            .bind("supplierStatus", reservation.supplierStatus().name())
            .bind("categoryCode", d.vehicle().categoryCode())
            .bind("supplierCode", d.vehicle().supplierCode())
            .bind("pickupOffice", period.pickup().officeCode())
            .bind("pickupAt", period.pickup().at())
            .bind("pickupZone", period.pickup().zone().getId())
            .bind("dropoffOffice", period.dropoff().officeCode())
            .bind("dropoffAt", period.dropoff().at())
            .bind("dropoffZone", period.dropoff().zone().getId())
            .bind("amount", reservation.price().amount())
            .bind("currency", reservation.price().currency())
            .bind("token", d.paymentMethodToken())
            .bind("version", reservation.version())
            .bind("createdAt", toColumn(reservation.createdAt()))
            .bind("updatedAt", toColumn(reservation.updatedAt()));
    insert = bindNullable(insert, "idempotencyKey", idempotency.map(IdempotencyRecord::key));
    insert = bindNullable(insert, "requestHash", idempotency.map(IdempotencyRecord::requestHash));
    Customer c = d.customer();
    Mono<Void> contact =
        db.sql(
                """
                INSERT INTO reservation_contact (reservation_code, first_name, last_name, email, phone)
                VALUES (:code, :firstName, :lastName, :email, :phone)
                """)
            .bind("code", reservation.code().value())
            .bind("firstName", c.firstName())
            .bind("lastName", c.lastName())
            .bind("email", c.email())
            .bind("phone", c.phone())
            .then();
    Mono<Void> history =
        reservation.history().stream()
            .map(h -> appendHistory(reservation.code(), h))
            .reduce(Mono.empty(), Mono::then);
    return insert
        .then()
        .onErrorMap(
            DataIntegrityViolationException.class, e -> duplicate(e, reservation.code().value()))
        .then(contact)
        .then(history);
  }

  /**
   * The reservation and its history in one statement (a row per status change): every outcome the
   * projector applies and every read of the API start here, and a second round trip for the history
   * was a tenth of the platform's SQL statements (docs/performance.md).
   */
  @Override
  public Mono<Reservation> findByCode(ReservationCode code) {
    return db.sql(
            """
            SELECT r.*, c.first_name, c.last_name, c.email, c.phone, h.status AS history_status,
                   h.reason AS history_reason, h.changed_at AS history_changed_at
              FROM reservation r JOIN reservation_contact c ON c.reservation_code = r.code
              LEFT JOIN reservation_status_history h ON h.reservation_code = r.code
             WHERE r.code = :code
             ORDER BY h.id
            """)
        .bind("code", code.value())
        .map(row -> new HistoryRow(withoutHistory(row), historyEntry(row)))
        .all()
        .collectList()
        .filter(rows -> !rows.isEmpty())
        .map(
            rows ->
                rows.get(0)
                    .reservation()
                    .withHistory(
                        rows.stream().map(HistoryRow::change).filter(Objects::nonNull).toList()));
  }

  /** A row of {@link #findByCode}: the reservation, and one status change ({@code null}: none). */
  private record HistoryRow(Reservation reservation, StatusChange change) {}

  private static StatusChange historyEntry(Readable row) {
    String status = row.get("history_status", String.class);
    return status == null
        ? null
        : new StatusChange(
            ReservationStatus.valueOf(status),
            fromColumn(row.get("history_changed_at", LocalDateTime.class)),
            row.get("history_reason", String.class));
  }

  @Override
  public Flux<Reservation> findAwaitingOutcomeSince(Instant updatedBefore, int limit) {
    return db.sql(
            SELECT
                + """
                 WHERE r.updated_at < :before
                   AND (r.status IN ('CREATED', 'PAYMENT_IN_PROGRESS', 'PAID')
                     OR (r.status = 'SUPPLIER_CONFIRMED' AND r.payment_status = 'AUTHORIZED')
                     OR (r.status = 'CANCELLED'
                         AND (r.payment_status IN ('AUTHORIZED', 'CAPTURED', 'IN_PROGRESS')
                           OR r.supplier_status IN ('CONFIRMED', 'REQUESTED'))))
                 ORDER BY r.updated_at
                 LIMIT :limit
                """)
        .bind("before", toColumn(updatedBefore))
        .bind("limit", limit)
        .map(R2dbcReservationRepository::withoutHistory)
        .all()
        .concatMap(this::withHistory);
  }

  @Override
  public Flux<Reservation> findNeedingAttention(int limit) {
    return db.sql(
            SELECT
                + " WHERE r.payment_status = 'NEEDS_ATTENTION' OR r.supplier_status = 'NEEDS_ATTENTION'"
                + " ORDER BY r.updated_at LIMIT :limit")
        .bind("limit", limit)
        .map(R2dbcReservationRepository::withoutHistory)
        .all()
        .concatMap(this::withHistory);
  }

  @Override
  public Mono<IdempotentReservation> findByIdempotencyKey(String clientId, String key) {
    return db.sql(SELECT + " WHERE r.client_id = :clientId AND r.idempotency_key = :key")
        .bind("clientId", clientId)
        .bind("key", key)
        .map(row -> new Object[] {withoutHistory(row), row.get("request_hash", String.class)})
        .one()
        .flatMap(
            found ->
                withHistory((Reservation) found[0])
                    .map(r -> new IdempotentReservation(r, (String) found[1])));
  }

  @Override
  public Mono<Boolean> update(
      Reservation reservation, long expectedVersion, Optional<StatusChange> historyEntry) {
    GenericExecuteSpec update =
        db.sql(
                """
                UPDATE reservation SET status = :status, payment_status = :paymentStatus,
                  supplier_status = :supplierStatus, payment_intent_id = :paymentIntentId,
                  supplier_booking_reference = :bookingReference,
                  cancellation_reason = :cancellationReason, version = :version,
                  updated_at = :updatedAt
                WHERE code = :code AND version = :expectedVersion
                """)
            .bind("status", reservation.status().name())
            .bind("paymentStatus", reservation.paymentStatus().name())
            .bind("supplierStatus", reservation.supplierStatus().name())
            .bind("version", reservation.version())
            .bind("updatedAt", toColumn(reservation.updatedAt()))
            .bind("code", reservation.code().value())
            .bind("expectedVersion", expectedVersion);
    update = bindNullable(update, "paymentIntentId", reservation.paymentIntent());
    update = bindNullable(update, "bookingReference", reservation.supplierBooking());
    update = bindNullable(update, "cancellationReason", reservation.cancellation());
    return update
        .fetch()
        .rowsUpdated()
        .flatMap(
            rows ->
                rows == 1
                    ? historyEntry
                        .map(h -> appendHistory(reservation.code(), h))
                        .orElse(Mono.empty())
                        .thenReturn(true)
                    : Mono.just(false));
  }

  private Mono<Void> appendHistory(ReservationCode code, StatusChange change) {
    GenericExecuteSpec insert =
        db.sql(
                """
                INSERT INTO reservation_status_history (reservation_code, status, reason, changed_at)
                VALUES (:code, :status, :reason, :changedAt)
                """)
            .bind("code", code.value())
            .bind("status", change.status().name())
            .bind("changedAt", toColumn(change.at()));
    return bindNullable(insert, "reason", Optional.ofNullable(change.reason())).then();
  }

  private Mono<Reservation> withHistory(Reservation reservation) {
    return db.sql(
            """
            SELECT status, reason, changed_at FROM reservation_status_history
             WHERE reservation_code = :code ORDER BY id
            """)
        .bind("code", reservation.code().value())
        .map(
            row ->
                new StatusChange(
                    ReservationStatus.valueOf(row.get("status", String.class)),
                    fromColumn(row.get("changed_at", LocalDateTime.class)),
                    row.get("reason", String.class)))
        .all()
        .collectList()
        .map(reservation::withHistory);
  }

  private static Reservation withoutHistory(Readable row) {
    ReservationDetails details =
        new ReservationDetails(
            new Customer(
                row.get("first_name", String.class),
                row.get("last_name", String.class),
                row.get("email", String.class),
                row.get("phone", String.class)),
            new VehicleChoice(
                row.get("category_code", String.class), row.get("supplier_code", String.class)),
            new RentalPeriod(
                handover(row, "pickup_office_code", "pickup_at", "pickup_time_zone"),
                handover(row, "dropoff_office_code", "dropoff_at", "dropoff_time_zone")),
            row.get("payment_method_token", String.class));
    return new Reservation(
        new ReservationCode(row.get("code", String.class)),
        row.get("client_id", String.class),
        details,
        new Money(
            row.get("price_amount", BigDecimal.class), row.get("price_currency", String.class)),
        ReservationStatus.valueOf(row.get("status", String.class)),
        PaymentStatus.valueOf(row.get("payment_status", String.class)),
        SupplierStatus.valueOf(row.get("supplier_status", String.class)),
        row.get("payment_intent_id", String.class),
        row.get("supplier_booking_reference", String.class),
        row.get("cancellation_reason", String.class),
        List.of(),
        fromColumn(row.get("created_at", LocalDateTime.class)),
        fromColumn(row.get("updated_at", LocalDateTime.class)),
        row.get("version", Long.class));
  }

  private static Handover handover(Readable row, String office, String at, String zone) {
    return new Handover(
        row.get(office, String.class),
        row.get(at, LocalDateTime.class),
        ZoneId.of(row.get(zone, String.class)));
  }

  private static RuntimeException duplicate(DataIntegrityViolationException e, String code) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("uk_reservation_idempotency")) {
      return new DuplicateIdempotencyKeyException(e);
    }
    if (message.contains("PRIMARY")) {
      return new DuplicateReservationCodeException(code, e);
    }
    return e;
  }

  static GenericExecuteSpec bindNullable(
      GenericExecuteSpec spec, String name, Optional<String> value) {
    return value.isPresent() ? spec.bind(name, value.get()) : spec.bindNull(name, String.class);
  }
}
