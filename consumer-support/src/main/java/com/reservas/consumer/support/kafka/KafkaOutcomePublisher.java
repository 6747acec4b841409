package com.reservas.consumer.support.kafka;

import com.reservas.consumer.support.audit.ExternalCallRecorder;
import com.reservas.consumer.support.loop.EventSource;
import com.reservas.consumer.support.loop.OutcomePort;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * The {@link OutcomePort} of every consumer: maps an outcome to its Avro event with its {@link
 * OutcomeMapping} (id derived with {@link OutcomeEvents#metadata}, trace context carried on, calls
 * masked and truncated by the {@link ExternalCallRecorder}), publishes it keyed by the reservation
 * code through the {@link OutcomePublisher} (waits for the broker), and counts it in {@code
 * <meterName>{operation, outcome}}.
 *
 * @param <O> the consumer's outcomes
 */
public final class KafkaOutcomePublisher<O> implements OutcomePort<O> {

  private final OutcomeMapping<O> mapping;
  private final OutcomePublisher publisher;
  private final ExternalCallRecorder recorder;
  private final String topic;
  private final Clock clock;
  private final MeterRegistry meters;
  private final String meterName;

  /**
   * Publishes to {@code topic}.
   *
   * @param meterName the counter of published outcomes, e.g. {@code reservas.payment.outcomes}
   */
  public KafkaOutcomePublisher(
      OutcomeMapping<O> mapping,
      OutcomePublisher publisher,
      ExternalCallRecorder recorder,
      String topic,
      Clock clock,
      MeterRegistry meters,
      String meterName) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.meters = Objects.requireNonNull(meters, "meters");
    this.meterName = Objects.requireNonNull(meterName, "meterName");
  }

  @Override
  public String publish(EventSource source, O outcome) {
    SpecificRecord event = toEvent(source, outcome);
    publisher.publish(topic, mapping.reservationCode(outcome), event);
    String eventType = event.getSchema().getName();
    Counter.builder(meterName)
        .description("Outcome events published")
        .tag("operation", mapping.operation(outcome))
        .tag("outcome", eventType)
        .register(meters)
        .increment();
    return eventType;
  }

  /** The Avro event of {@code outcome}, answering {@code source}. */
  public SpecificRecord toEvent(EventSource source, O outcome) {
    String operation = mapping.operation(outcome);
    String idBasis = mapping.idBasis(source, outcome);
    return mapping.toEvent(
        outcome,
        type ->
            OutcomeEvents.metadata(idBasis, source.traceparent(), operation, type, clock.instant()),
        recorder.toExternalCalls(mapping.calls(outcome)));
  }
}
