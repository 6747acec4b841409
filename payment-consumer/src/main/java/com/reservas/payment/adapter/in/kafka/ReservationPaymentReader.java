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
import com.reservas.schemas.avro.ReservationSnapshot;
import com.reservas.schemas.seal.TokenSeal;
import com.reservas.schemas.seal.TokenSealException;
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
  private final TokenSeal tokenSeal;

  /** A listener handing events to {@code useCase}, opening sealed tokens with {@code tokenSeal}. */
  public ReservationEventsListener(HandleReservationEventUseCase useCase, TokenSeal tokenSeal) {
    this.useCase = useCase;
    this.tokenSeal = tokenSeal;
  }

  /** Handles one record. */
  @KafkaListener(
      id = "payment-consumer",
      groupId = ConsumerProperties.GROUP_ID,
      topics = ConsumerProperties.INPUT_TOPIC)
  public void on(ConsumerRecord<String, SpecificRecord> record) {
    IncomingEvent event = IncomingEvent.from(record);
    Optional<ReservationSnapshot> snapshot = event.reservation();
    if (snapshot.isEmpty()) {
      log.debug("Ignoring {} {} for {}", event.eventType(), event.eventId(), event.key());
      return;
    }
    EventContext source = new EventContext(event.eventId(), event.eventType(), event.traceparent());
    try {
      ReservationPayment reservation = toDomain(snapshot.get());
      HandlingResult result =
          useCase.handle(new ReservationEvent(source, reservation, event.isReminder()));
      log.debug(
          "{} {} for {} from {}: {} → {}",
          event.eventType(),
          event.eventId(),
          reservation.code(),
          record.topic(),
          result.decision().reason(),
          result.outcomes());
    } catch (InvalidReservationEventException
        | PaymentOperationRejectedException
        | TokenSealException e) {
      throw new NonRetryableEventException(e.getMessage(), e);
    }
  }

  ReservationPayment toDomain(ReservationSnapshot snapshot) {
    return new ReservationPayment(
        snapshot.getCode(),
        snapshot.getStatus(),
        snapshot.getPaymentStatus(),
        snapshot.getPrice().getAmount(),
        snapshot.getPrice().getCurrency(),
        paymentMethodToken(snapshot),
        snapshot.getPaymentIntentId());
  }

  /**
   * The token, opened from its seal; events written before the seal existed (v1, still in the topic
   * during an upgrade) carry it in the clear.
   */
  private String paymentMethodToken(ReservationSnapshot snapshot) {
    String sealed = snapshot.getSealedPaymentMethodToken();
    return sealed == null
        ? snapshot.getPaymentMethodToken()
        : tokenSeal.open(snapshot.getCode(), sealed);
  }
}
