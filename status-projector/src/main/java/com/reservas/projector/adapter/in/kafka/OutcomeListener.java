package com.reservas.projector.adapter.in.kafka;

import com.reservas.consumer.support.ConsumerProperties;
import com.reservas.consumer.support.kafka.IncomingEvent;
import com.reservas.consumer.support.kafka.NonRetryableEventException;
import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase;
import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase.OutcomeCommand;
import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase.OutcomeResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Consumes payment and supplier outcomes and applies each polled batch in order, in transactions of
 * up to {@code outcomesPerTransaction} outcomes: under a backlog one commit, one connection and one
 * transaction's bookkeeping serve many outcomes, while at a low rate a poll holds one record and
 * nothing waits for company. The offsets are committed only after the transactions commit.
 *
 * <p>A group that cannot be applied as a whole (an outcome that came early, a database error) is
 * rolled back and applied one outcome at a time, each in its own transaction, exactly as before
 * grouping. The first that still fails is thrown as a {@link BatchListenerFailedException} naming
 * its index: the container commits the records before it and retries from it in place
 * (consumer-support's {@code retry.mode: in-place}: blocking, with backoff, without limit), so the
 * order of one reservation's events is kept and a database outage just pauses consumption. An
 * outcome that can never be applied (undeserializable, an unknown type, invalid content) goes to
 * {@code <topic>-status-projector-dlt} at once and the records behind it flow on.
 *
 * <p>Each record still gets its own {@code <topic> process} span: the container starts and ends one
 * per record of a batch before handing the batch over, and consumer-support's handler moves the
 * record's {@code traceparent} header on to it, which the next outbox row carries on.
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
  private final int outcomesPerTransaction;
  private final MeterRegistry meters;

  public OutcomeListener(
      ApplyOutcomeUseCase applying,
      String consumerName,
      int outcomesPerTransaction,
      MeterRegistry meters) {
    if (outcomesPerTransaction < 1) {
      throw new IllegalArgumentException("outcomesPerTransaction must be at least 1");
    }
    this.applying = applying;
    this.consumerName = consumerName;
    this.outcomesPerTransaction = outcomesPerTransaction;
    this.meters = meters;
  }

  @KafkaListener(
      id = "status-projector-payments",
      topics = "${reservas.projector.payments-topic}",
      groupId = ConsumerProperties.GROUP_ID,
      batch = "true")
  public void onPaymentOutcomes(List<ConsumerRecord<String, SpecificRecord>> records) {
    apply(records);
  }

  @KafkaListener(
      id = "status-projector-suppliers",
      topics = "${reservas.projector.suppliers-topic}",
      groupId = ConsumerProperties.GROUP_ID,
      batch = "true")
  public void onSupplierOutcomes(List<ConsumerRecord<String, SpecificRecord>> records) {
    apply(records);
  }

  /** Applies {@code records} in order; throws for the first that fails, naming its index. */
  void apply(List<ConsumerRecord<String, SpecificRecord>> records) {
    for (int start = 0; start < records.size(); start += outcomesPerTransaction) {
      List<ConsumerRecord<String, SpecificRecord>> chunk =
          records.subList(start, Math.min(records.size(), start + outcomesPerTransaction));
      applyGroup(chunk, start);
    }
  }

  private void applyGroup(List<ConsumerRecord<String, SpecificRecord>> records, int offset) {
    List<Received> group = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Received received;
      try {
        received = read(offset + i, records.get(i));
      } catch (RuntimeException e) {
        // what came before it is applied; it goes to the dead letters; the rest comes again
        applyInOrder(group);
        throw new BatchListenerFailedException(e.getMessage(), e, offset + i);
      }
      if (received != null) {
        group.add(received);
      }
    }
    applyInOrder(group);
  }

  /** The record at {@code index} read into a command; {@code null}: nothing to apply. */
  private Received read(int index, ConsumerRecord<String, SpecificRecord> record) {
    if (record.headers().lastHeader(KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
      throw new NonRetryableEventException(
          "Outcome at "
              + record.topic()
              + "-"
              + record.partition()
              + "@"
              + record.offset()
              + " cannot be deserialized");
    }
    IncomingEvent incoming = IncomingEvent.from(record);
    if (incoming.payload() == null) {
      return null; // a tombstone
    }
    try {
      return new Received(index, incoming.eventType(), mapper.toCommand(consumerName, incoming));
    } catch (IllegalArgumentException | NullPointerException e) {
      // invalid content (a malformed id, a missing field, a broken invariant): never applicable
      throw new NonRetryableEventException(
          "Outcome " + incoming.eventType() + " cannot be applied: " + e, e);
    }
  }

  private void applyInOrder(List<Received> group) {
    if (group.isEmpty()) {
      return;
    }
    if (group.size() > 1) {
      List<OutcomeResult> results;
      try {
        results =
            applying.applyAll(group.stream().map(Received::command).toList()).block(APPLY_TIMEOUT);
      } catch (RuntimeException e) {
        log.debug("Applying {} outcomes together failed; one at a time instead", group.size(), e);
        results = null;
      }
      if (results != null) {
        for (int i = 0; i < group.size(); i++) {
          done(group.get(i), results.get(i));
        }
        return;
      }
    }
    for (int i = 0; i < group.size(); i++) {
      Received received = group.get(i);
      try {
        OutcomeResult result = applying.apply(received.command()).block(APPLY_TIMEOUT);
        if (result == OutcomeResult.PREMATURE) {
          throw new PrematureOutcomeException(
              received.type(), received.command().reservationCode());
        }
        done(received, result);
      } catch (RuntimeException e) {
        throw new BatchListenerFailedException(e.getMessage(), e, received.index());
      }
    }
  }

  private void done(Received received, OutcomeResult result) {
    meters
        .counter(
            "reservas.projector.outcomes",
            "type",
            received.type(),
            "result",
            String.valueOf(result))
        .increment();
    if (result == OutcomeResult.UNKNOWN_RESERVATION) {
      log.warn(
          "Outcome {} for unknown reservation {}",
          received.type(),
          received.command().reservationCode());
    }
  }

  /** A record read into a command, at its index in the polled batch. */
  private record Received(int index, String type, OutcomeCommand command) {}
}
