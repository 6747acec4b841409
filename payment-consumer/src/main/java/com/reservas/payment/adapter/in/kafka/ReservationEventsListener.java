package com.reservas.payment.adapter.in.kafka;

import com.reservas.consumer.support.ConsumerProperties;
import com.reservas.consumer.support.kafka.IncomingEvent;
import com.reservas.consumer.support.kafka.NonRetryableEventException;
import com.reservas.payment.application.port.in.EventContext;
import com.reservas.payment.application.port.in.HandleReservationEventUseCase;
import com.reservas.payment.application.port.in.HandlingResult;
import com.reservas.payment.application.port.in.InvalidReservationEventException;
import com.reservas.payment.application.port.in.ReservationEvent;
import com.reservas.payment.application.port.out.PaymentOperationRejectedException;
import com.reservas.payment.domain.ReservationPayment;
import com.reservas.schemas.avro.ReservationCancelled;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.avro.ReservationSnapshot;
import com.reservas.schemas.avro.ReservationStatusChanged;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads {@code reservations.events} (and this group's retry topics) and hands every reservation
 * snapshot to the use case. Returning normally commits the record (its outcomes are published by
 * then); an exception sends it to the retry topics, or straight to the dead-letter topic when it
 * can never succeed.
 */
public class ReservationEventsListener {

  private static final Logger log = LoggerFactory.getLogger(ReservationEventsListener.class);

  private final HandleReservationEventUseCase useCase;

  /** A listener handing events to {@code useCase}. */
  public ReservationEventsListener(HandleReservationEventUseCase useCase) {
    this.useCase = useCase;
  }

  /** Handles one record. */
  @KafkaListener(
      id = "payment-consumer",
      groupId = ConsumerProperties.GROUP_ID,
      topics = ConsumerProperties.INPUT_TOPIC)
  public void on(ConsumerRecord<String, SpecificRecord> record) {
    IncomingEvent event = IncomingEvent.from(record);
    Optional<ReservationSnapshot> snapshot = snapshotOf(event.payload());
    if (snapshot.isEmpty()) {
      log.debug("Ignoring {} {} for {}", event.eventType(), event.eventId(), event.key());
      return;
    }
    ReservationPayment reservation = toDomain(snapshot.get());
    EventContext source = new EventContext(event.eventId(), event.eventType(), event.traceparent());
    try {
      HandlingResult result = useCase.handle(new ReservationEvent(source, reservation));
      log.debug(
          "{} {} for {} from {}: {} → {}",
          event.eventType(),
          event.eventId(),
          reservation.code(),
          record.topic(),
          result.decision().reason(),
          result.outcomes());
    } catch (InvalidReservationEventException | PaymentOperationRejectedException e) {
      throw new NonRetryableEventException(e.getMessage(), e);
    }
  }

  private static Optional<ReservationSnapshot> snapshotOf(SpecificRecord payload) {
    if (payload instanceof ReservationCreated created) {
      return Optional.of(created.getReservation());
    }
    if (payload instanceof ReservationStatusChanged changed) {
      return Optional.of(changed.getReservation());
    }
    if (payload instanceof ReservationCancelled cancelled) {
      return Optional.of(cancelled.getReservation());
    }
    return Optional.empty();
  }

  static ReservationPayment toDomain(ReservationSnapshot snapshot) {
    return new ReservationPayment(
        snapshot.getCode(),
        snapshot.getStatus(),
        snapshot.getPaymentStatus(),
        snapshot.getPrice().getAmount(),
        snapshot.getPrice().getCurrency(),
        snapshot.getPaymentMethodToken(),
        snapshot.getPaymentIntentId());
  }
}
