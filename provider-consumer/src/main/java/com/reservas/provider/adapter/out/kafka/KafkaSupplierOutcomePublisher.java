package com.reservas.provider.adapter.out.kafka;

import com.reservas.consumer.support.kafka.OutcomeEvents;
import com.reservas.consumer.support.kafka.OutcomePublisher;
import com.reservas.provider.application.port.in.ReservationEventReceived;
import com.reservas.provider.application.port.out.SupplierOutcomePublisher;
import com.reservas.provider.domain.SupplierOutcome;
import java.time.Clock;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes supplier outcomes to {@code suppliers.events}, keyed by reservation code, and waits for
 * the broker (consumer-support's {@link OutcomePublisher}, on a thread that may block).
 *
 * <p>The event id is derived from the supplier request id, the operation and the outcome type
 * ({@link OutcomeEvents#outcomeEventId}): the supplier answers each request id once and for all, so
 * the same answer, reached again through a redelivery, a replay or a re-emitted snapshot, is
 * published under the same id and the status projector applies it once.
 */
public final class KafkaSupplierOutcomePublisher implements SupplierOutcomePublisher {

  private final OutcomePublisher publisher;
  private final String topic;
  private final Clock clock;

  public KafkaSupplierOutcomePublisher(OutcomePublisher publisher, String topic, Clock clock) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Mono<Void> publish(SupplierOutcome outcome, ReservationEventReceived cause) {
    return Mono.fromRunnable(
            () -> publisher.publish(topic, outcome.reservationCode(), event(outcome, cause)))
        .subscribeOn(Schedulers.boundedElastic())
        .then();
  }

  SpecificRecord event(SupplierOutcome outcome, ReservationEventReceived cause) {
    String eventType = SupplierOutcomeEvents.eventType(outcome);
    String eventId =
        OutcomeEvents.outcomeEventId(outcome.requestId(), operation(outcome), eventType);
    return SupplierOutcomeEvents.toEvent(outcome, eventId, clock.instant(), cause.traceparent());
  }

  private static String operation(SupplierOutcome outcome) {
    return outcome instanceof SupplierOutcome.BookingCancelled ? "cancel" : "book";
  }
}
