package com.reservas.projector.adapter.in.kafka;

import com.reservas.consumer.support.ConsumerProperties;
import com.reservas.consumer.support.kafka.IncomingEvent;
import com.reservas.consumer.support.kafka.NonRetryableEventException;
import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase;
import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase.OutcomeCommand;
import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase.OutcomeResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes payment and supplier outcomes and applies each in one transaction. The offset is
 * committed only after that transaction commits; a failure is retried in place (consumer-support's
 * {@code retry.mode: in-place}: blocking, with backoff, without limit) so the order of one
 * reservation's events is kept and a database outage just pauses consumption. An outcome that can
 * never be applied (unknown type, invalid content: {@link UnknownOutcomeException}, {@code
 * IllegalArgumentException}, {@code NullPointerException}) is thrown as a {@link
 * NonRetryableEventException} and goes to {@code <topic>-status-projector-dlt} at once.
 *
 * <p>Each topic has its own listener container: an outcome that came early (a supplier answer
 * before the payment was recorded) waits in its own topic's container while the other topic, which
 * holds what it waits for, keeps flowing.
 */
public class OutcomeListener {

  private static final Logger log = LoggerFactory.getLogger(OutcomeListener.class);
  private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);

  private final ApplyOutcomeUseCase applying;
  private final OutcomeEventMapper mapper = new OutcomeEventMapper();
  private final String consumerName;
  private final MeterRegistry meters;

  public OutcomeListener(ApplyOutcomeUseCase applying, String consumerName, MeterRegistry meters) {
    this.applying = applying;
    this.consumerName = consumerName;
    this.meters = meters;
  }

  @KafkaListener(
      id = "status-projector-payments",
      topics = "${reservas.projector.payments-topic}",
      groupId = ConsumerProperties.GROUP_ID)
  public void onPaymentOutcome(ConsumerRecord<String, SpecificRecord> record) {
    apply(record);
  }

  @KafkaListener(
      id = "status-projector-suppliers",
      topics = "${reservas.projector.suppliers-topic}",
      groupId = ConsumerProperties.GROUP_ID)
  public void onSupplierOutcome(ConsumerRecord<String, SpecificRecord> record) {
    apply(record);
  }

  private void apply(ConsumerRecord<String, SpecificRecord> record) {
    IncomingEvent incoming = IncomingEvent.from(record);
    if (incoming.payload() == null) {
      return;
    }
    OutcomeCommand command;
    OutcomeResult result;
    try {
      command = mapper.toCommand(consumerName, incoming);
      result = applying.apply(command).block(APPLY_TIMEOUT);
    } catch (IllegalArgumentException | NullPointerException e) {
      // invalid content (a malformed id, a missing field, a broken invariant): never applicable
      throw new NonRetryableEventException(
          "Outcome " + incoming.eventType() + " cannot be applied: " + e, e);
    }
    meters
        .counter(
            "reservas.projector.outcomes",
            "type",
            incoming.eventType(),
            "result",
            String.valueOf(result))
        .increment();
    if (result == OutcomeResult.PREMATURE) {
      throw new PrematureOutcomeException(incoming.eventType(), command.reservationCode());
    }
    if (result == OutcomeResult.UNKNOWN_RESERVATION) {
      log.warn(
          "Outcome {} for unknown reservation {}", incoming.eventType(), command.reservationCode());
    }
  }
}
