package com.reservas.consumer.support.kafka;

import com.reservas.consumer.support.audit.ExternalCallRecorder;
import com.reservas.consumer.support.loop.ReservationLoop;
import com.reservas.consumer.support.loop.ReservationStep;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;

/**
 * Builds a consumer's {@link ReservationLoop} publishing to {@code reservas.consumer.outcome-topic}
 * through a {@link KafkaOutcomePublisher}, so a consumer names only its step, its outcome mapping
 * and its counter. An auto-configured bean.
 */
public final class ReservationLoops {

  private final OutcomePublisher publisher;
  private final ExternalCallRecorder recorder;
  private final String outcomeTopic;
  private final Clock clock;
  private final MeterRegistry meters;

  /**
   * @param outcomeTopic where outcomes go; {@code null} in a service without one (the projector),
   *     which then cannot build a loop
   */
  public ReservationLoops(
      OutcomePublisher publisher,
      ExternalCallRecorder recorder,
      String outcomeTopic,
      Clock clock,
      MeterRegistry meters) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.outcomeTopic = outcomeTopic;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.meters = Objects.requireNonNull(meters, "meters");
  }

  /**
   * The loop of {@code step}, its outcomes mapped by {@code mapping} and counted in {@code
   * meterName{operation, outcome}}.
   */
  public <R, T, O> ReservationLoop<R, T, O> of(
      ReservationStep<R, T, O> step, OutcomeMapping<O> mapping, String meterName) {
    if (outcomeTopic == null) {
      throw new IllegalStateException(
          "reservas.consumer.outcome-topic is not set: a consumer loop needs it");
    }
    return new ReservationLoop<>(
        step,
        new KafkaOutcomePublisher<>(
            mapping, publisher, recorder, outcomeTopic, clock, meters, meterName));
  }
}
