package com.reservas.reservation.application.service;

import com.reservas.reservation.application.port.in.CreateReservationCommand;
import com.reservas.reservation.application.port.in.CreateReservationResult;
import com.reservas.reservation.application.port.in.CreateReservationUseCase;
import com.reservas.reservation.application.port.in.FieldError;
import com.reservas.reservation.application.port.out.AuditTrail;
import com.reservas.reservation.application.port.out.DuplicateIdempotencyKeyException;
import com.reservas.reservation.application.port.out.DuplicateReservationCodeException;
import com.reservas.reservation.application.port.out.ReferenceDataPort;
import com.reservas.reservation.application.port.out.ReservationCodeGenerator;
import com.reservas.reservation.application.port.out.ReservationEventOutbox;
import com.reservas.reservation.application.port.out.ReservationRepository;
import com.reservas.reservation.application.port.out.ReservationRepository.IdempotencyRecord;
import com.reservas.reservation.application.port.out.SagaProgress;
import com.reservas.reservation.application.port.out.TransactionRunner;
import com.reservas.reservation.application.service.ReservationRequestValidator.Validation;
import com.reservas.reservation.domain.ReferenceData;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationEvent.ReservationCreated;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Creates a reservation: validates and prices it, then commits the reservation, its contact, its
 * first history row, the {@code ReservationCreated} outbox event and the {@code
 * reservation.created} audit record in one transaction. Calls no external API, so the answer is as
 * fast as one database commit. A replay under the same idempotency key shows the reservation again
 * and is audited as a read.
 */
public final class CreateReservationService implements CreateReservationUseCase {

  private final ReferenceDataPort referenceData;
  private final ReservationRepository reservations;
  private final ReservationEventOutbox outbox;
  private final ReservationCodeGenerator codes;
  private final TransactionRunner transactions;
  private final Clock clock;
  private final int maxCodeAttempts;
  private final AuditTrail audit;
  private final SagaProgress progress;
  private final ReservationRequestValidator validator = new ReservationRequestValidator();

  public CreateReservationService(
      ReferenceDataPort referenceData,
      ReservationRepository reservations,
      ReservationEventOutbox outbox,
      ReservationCodeGenerator codes,
      TransactionRunner transactions,
      Clock clock,
      int maxCodeAttempts,
      AuditTrail audit,
      SagaProgress progress) {
    if (maxCodeAttempts < 1) {
      throw new IllegalArgumentException("maxCodeAttempts must be at least 1");
    }
    this.referenceData = referenceData;
    this.reservations = reservations;
    this.outbox = outbox;
    this.codes = codes;
    this.transactions = transactions;
    this.clock = clock;
    this.maxCodeAttempts = maxCodeAttempts;
    this.audit = audit;
    this.progress = progress;
  }

  /** Measures no saga: for tools and tests. Services pass their {@link SagaProgress}. */
  public CreateReservationService(
      ReferenceDataPort referenceData,
      ReservationRepository reservations,
      ReservationEventOutbox outbox,
      ReservationCodeGenerator codes,
      TransactionRunner transactions,
      Clock clock,
      int maxCodeAttempts,
      AuditTrail audit) {
    this(
        referenceData,
        reservations,
        outbox,
        codes,
        transactions,
        clock,
        maxCodeAttempts,
        audit,
        SagaProgress.none());
  }

  /** Without an audit trail: for tools and tests. Services pass theirs. */
  public CreateReservationService(
      ReferenceDataPort referenceData,
      ReservationRepository reservations,
      ReservationEventOutbox outbox,
      ReservationCodeGenerator codes,
      TransactionRunner transactions,
      Clock clock,
      int maxCodeAttempts) {
    this(
        referenceData,
        reservations,
        outbox,
        codes,
        transactions,
        clock,
        maxCodeAttempts,
        AuditTrail.none());
  }

  @Override
  public Mono<CreateReservationResult> create(CreateReservationCommand command) {
    Optional<IdempotencyRecord> idempotency =
        command
            .idempotencyKey()
            .map(key -> new IdempotencyRecord(key, requestHash(command.request().canonicalForm())));
    Mono<CreateReservationResult> validateAndCreate =
        referenceData
            .load()
            .flatMap(catalogue -> validateAndCreate(command, catalogue, idempotency));
    // A key answers what it answered the first time, whenever the retry comes: validated again
    // now, the same body could fail (the pickup time passed, the catalogue changed).
    return idempotency.isEmpty() || !command.inputErrors().isEmpty()
        ? validateAndCreate
        : replay(command, idempotency.get()).switchIfEmpty(validateAndCreate);
  }

  private Mono<CreateReservationResult> validateAndCreate(
      CreateReservationCommand command,
      ReferenceData catalogue,
      Optional<IdempotencyRecord> idempotency) {
    Validation validation = validator.validate(command.request(), catalogue, clock.instant());
    List<FieldError> errors =
        merge(
            command.inputErrors(),
            validation instanceof Validation.Invalid invalid ? invalid.errors() : List.of());
    if (!errors.isEmpty()) {
      return Mono.just(new CreateReservationResult.Invalid(errors));
    }
    if (validation instanceof Validation.RuleViolated violated) {
      return Mono.just(
          new CreateReservationResult.RuleViolated(violated.rule(), violated.message()));
    }
    Mono<CreateReservationResult> insert =
        insertWithFreshCode(command, (Validation.Valid) validation, idempotency, 1)
            .map(reservation -> new CreateReservationResult.Created(reservation, false));
    // A concurrent request with the same key committed first: answer what it stored.
    return idempotency
        .map(
            record ->
                insert.onErrorResume(
                    DuplicateIdempotencyKeyException.class, raced -> replay(command, record)))
        .orElse(insert);
  }

  /** The first answer to this key: the reservation it created, or 409 for another body. */
  private Mono<CreateReservationResult> replay(
      CreateReservationCommand command, IdempotencyRecord record) {
    return reservations
        .findByIdempotencyKey(command.clientId(), record.key())
        .flatMap(
            found ->
                found.requestHash().equals(record.requestHash())
                    ? audit
                        .record(
                            AuditRecords.read(
                                found.reservation(),
                                command.clientId(),
                                command.sourceIp(),
                                clock.instant(),
                                "shown again for a repeated create with the same"
                                    + " Idempotency-Key"))
                        .thenReturn(new CreateReservationResult.Created(found.reservation(), true))
                    : Mono.just(new CreateReservationResult.IdempotencyKeyReused(record.key())));
  }

  private Mono<Reservation> insertWithFreshCode(
      CreateReservationCommand command,
      Validation.Valid valid,
      Optional<IdempotencyRecord> idempotency,
      int attempt) {
    return Mono.defer(
            () -> {
              ReservationCreated created =
                  Reservation.create(
                      codes.next(),
                      command.clientId(),
                      valid.details(),
                      valid.category().priceFor(valid.details().period()),
                      clock.instant());
              return transactions
                  .inTransaction(
                      () ->
                          reservations
                              .insert(created.reservation(), idempotency)
                              .then(outbox.append(created, command.traceparent()))
                              .then(
                                  audit.record(
                                      AuditRecords.created(
                                          created.reservation(),
                                          command.sourceIp(),
                                          idempotency.isPresent()))))
                  .thenReturn(created.reservation())
                  .doOnNext(progress::created);
            })
        .onErrorResume(
            DuplicateReservationCodeException.class,
            collision ->
                attempt < maxCodeAttempts
                    ? insertWithFreshCode(command, valid, idempotency, attempt + 1)
                    : Mono.error(new ReservationCodesExhaustedException(attempt, collision)));
  }

  /** Input errors win for their field: no "is required" next to "must be a string". */
  private static List<FieldError> merge(List<FieldError> input, List<FieldError> semantic) {
    List<FieldError> all = new ArrayList<>(input);
    for (FieldError error : semantic) {
      boolean covered =
          input.stream()
              .anyMatch(
                  e ->
                      error.field().equals(e.field()) || error.field().startsWith(e.field() + "."));
      if (!covered) {
        all.add(error);
      }
    }
    return all;
  }

  static String requestHash(String canonicalRequest) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
