package com.reservas.provider.adapter.in.kafka;

import com.reservas.consumer.support.kafka.IncomingEvent;
import com.reservas.consumer.support.kafka.NonRetryableEventException;
import com.reservas.provider.application.port.in.HandleReservationEventUseCase;
import com.reservas.provider.application.port.in.HandlingResult;
import com.reservas.provider.application.port.in.ReservationEventReceived;
import com.reservas.provider.application.port.out.SupplierRequestRefusedException;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes {@code reservations.events} (group {@code provider-consumer}) and hands each reservation
 * event to the use case, one record at a time; the record is acknowledged once the outcome is in
 * Kafka. What the supplier could not answer for now (an exception) goes to the retry topics; a
 * request it refused for good, or an unreadable snapshot, goes straight to the dead-letter topic.
 */
public class ReservationEventListener {

  /** The listener (and container) id; also the prefix of the retry topics' container ids. */
  public static final String LISTENER_ID = "provider-consumer";

  private static final Logger log = LoggerFactory.getLogger(ReservationEventListener.class);

  private final HandleReservationEventUseCase useCase;

  public ReservationEventListener(HandleReservationEventUseCase useCase) {
    this.useCase = useCase;
  }

  @KafkaListener(
      id = LISTENER_ID,
      topics = "${reservas.consumer.input-topic:reservations.events}",
      groupId = "${reservas.consumer.group-id}")
  public void onReservationEvent(ConsumerRecord<String, SpecificRecord> record) {
    IncomingEvent incoming = IncomingEvent.from(record);
    Optional<ReservationEventReceived> event = read(incoming);
    if (event.isEmpty()) {
      log.debug(
          "{} {} is not a reservation event; skipped", incoming.eventType(), incoming.eventId());
      return;
    }
    HandlingResult result;
    try {
      result = useCase.handle(event.get()).block();
    } catch (SupplierRequestRefusedException refused) {
      throw new NonRetryableEventException(refused.getMessage(), refused);
    }
    if (result instanceof HandlingResult.Published published) {
      log.info(
          "{} {} for {}: {} published",
          incoming.eventType(),
          incoming.eventId(),
          incoming.key(),
          published.outcome().getClass().getSimpleName());
    } else if (result instanceof HandlingResult.Skipped skipped) {
      log.debug(
          "{} {} for {}: nothing for the supplier ({})",
          incoming.eventType(),
          incoming.eventId(),
          incoming.key(),
          skipped.why());
    }
  }

  private static Optional<ReservationEventReceived> read(IncomingEvent incoming) {
    try {
      return ReservationEventMapper.toReceived(incoming);
    } catch (MalformedReservationEventException malformed) {
      throw new NonRetryableEventException(malformed.getMessage(), malformed);
    }
  }
}
