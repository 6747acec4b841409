package com.reservas.consumer.support.testapp;

import com.reservas.consumer.support.ConsumerProperties;
import com.reservas.consumer.support.kafka.IncomingEvent;
import com.reservas.consumer.support.kafka.NonRetryableEventException;
import com.reservas.consumer.support.kafka.OutcomeEvents;
import com.reservas.consumer.support.kafka.OutcomePublisher;
import com.reservas.schemas.avro.PaymentAuthorizationStarted;
import com.reservas.schemas.avro.ReservationCreated;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Does what the reservation's {@code clientId} says: {@code ok} publishes an outcome, {@code flaky}
 * fails while {@link #dependencyDown} is set, {@code poison} throws {@link
 * NonRetryableEventException}.
 */
@Component
public class ScriptedListener {

  public final AtomicBoolean dependencyDown = new AtomicBoolean();
  public final List<String> deliveries = new CopyOnWriteArrayList<>();

  private final OutcomePublisher publisher;
  private final ConsumerProperties properties;

  public ScriptedListener(OutcomePublisher publisher, ConsumerProperties properties) {
    this.publisher = publisher;
    this.properties = properties;
  }

  @KafkaListener(
      id = "scripted",
      groupId = ConsumerProperties.GROUP_ID,
      topics = ConsumerProperties.INPUT_TOPIC)
  public void on(ConsumerRecord<String, SpecificRecord> record) {
    IncomingEvent event = IncomingEvent.from(record);
    deliveries.add(record.key() + "@" + record.topic());
    ReservationCreated created = (ReservationCreated) event.payload();
    switch (created.getReservation().getClientId()) {
      case "poison" -> throw new NonRetryableEventException("cannot handle " + record.key());
      case "flaky" -> {
        if (dependencyDown.get()) {
          throw new IllegalStateException("dependency down while charging ana@example.com");
        }
      }
      default -> {
        // ok
      }
    }
    publisher.publish(
        properties.outcomeTopic(),
        record.key(),
        PaymentAuthorizationStarted.newBuilder()
            .setMetadata(
                OutcomeEvents.metadata(
                    event, "authorize", PaymentAuthorizationStarted.class, Instant.now()))
            .setReservationCode(record.key())
            .setIdempotencyKey(record.key() + "-authorize")
            .setCalls(List.of())
            .build());
  }
}
