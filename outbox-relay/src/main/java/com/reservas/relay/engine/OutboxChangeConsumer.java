package com.reservas.relay.engine;

import com.reservas.relay.engine.OutboxRecordRouter.Invalid;
import com.reservas.relay.engine.OutboxRecordRouter.OutboxEvent;
import com.reservas.relay.engine.OutboxRecordRouter.Publish;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each batch of the engine: every event is sent, the producer is flushed and every
 * acknowledgement awaited, and only then are the records marked processed and the batch finished,
 * which lets Debezium commit their offsets. If Kafka does not acknowledge, the handler throws: the
 * offsets stay where they were and the restarted engine delivers the batch again (at least once, in
 * order per key). A record Kafka can never accept (too large) would fail the same way after every
 * restart and block every topic behind it, so it is an invalid row instead, handled by the policy:
 * dead-lettered as a marker without its payload (headers and the reason), skipped, or failed.
 */
public final class OutboxChangeConsumer
    implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

  private static final Logger log = LoggerFactory.getLogger(OutboxChangeConsumer.class);

  private final Producer<String, byte[]> producer;
  private final OutboxRecordRouter router;
  private final InvalidRowPolicy policy;
  private final String deadLetterTopic;
  private final RelayMetrics metrics;
  private final RelayState state;
  private final Clock clock;
  private final PublishTracing tracing;

  public OutboxChangeConsumer(
      Producer<String, byte[]> producer,
      OutboxRecordRouter router,
      InvalidRowPolicy policy,
      String deadLetterTopic,
      RelayMetrics metrics,
      RelayState state,
      Clock clock,
      PublishTracing tracing) {
    this.tracing = tracing;
    this.producer = producer;
    this.router = router;
    this.policy = policy;
    this.deadLetterTopic = deadLetterTopic;
    this.metrics = metrics;
    this.state = state;
    this.clock = clock;
  }

  private record Sent(
      OutboxEvent event,
      String topic,
      Future<RecordMetadata> ack,
      Invalid why,
      PublishTracing.Sending trace) {}

  @Override
  public void handleBatch(
      List<RecordChangeEvent<SourceRecord>> records,
      DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
      throws InterruptedException {
    metrics.batch(records.size());
    List<Sent> sent = new ArrayList<>(records.size());
    for (RecordChangeEvent<SourceRecord> change : records) {
      OutboxRecordRouter.Routing routing = router.route(change.record());
      if (routing instanceof Publish publish) {
        sent.add(send(publish.event(), publish.event().topic(), null));
      } else if (routing instanceof Invalid invalid) {
        handleInvalid(invalid, sent);
      } else if (routing instanceof OutboxRecordRouter.Ignored ignored) {
        log.trace("Ignored change record: {}", ignored.why());
      }
    }
    boolean interrupted = false;
    try {
      interrupted = awaitAcknowledgements(sent);
      RelayFailpoint.AFTER_ACK.reached();
      for (RecordChangeEvent<SourceRecord> change : records) {
        committer.markProcessed(change);
      }
      committer.markBatchFinished();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    int published = 0;
    for (Sent s : sent) {
      if (s.why() == null) {
        published++;
      }
    }
    if (!state.snapshot().streaming()) {
      log.info("Outbox relay is streaming the binlog");
    }
    state.progressed(published);
  }

  private Sent send(OutboxEvent event, String topic, Invalid why) {
    List<Header> headers = new ArrayList<>(event.headers());
    if (why != null) {
      headers.add(
          new RecordHeader(
              OutboxRecordRouter.INVALID_REASON_HEADER,
              why.detail().getBytes(StandardCharsets.UTF_8)));
      headers.add(
          new RecordHeader(
              OutboxRecordRouter.ORIGINAL_TOPIC_HEADER,
              event.topic().getBytes(StandardCharsets.UTF_8)));
    }
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic, null, null, event.key(), event.value(), headers);
    PublishTracing.Sending trace = tracing.start(record);
    return new Sent(event, topic, producer.send(record), why, trace);
  }

  private void handleInvalid(Invalid invalid, List<Sent> sent) {
    String reason = invalid.reason().tag();
    switch (policy) {
      case FAIL -> {
        metrics.invalidRow(reason, "failed");
        throw new OutboxRelayException(
            "Invalid outbox row, stopping (reservas.relay.invalid-row=fail): " + invalid.detail());
      }
      case SKIP_AND_LOG -> {
        metrics.invalidRow(reason, "skipped");
        log.warn("Skipped invalid outbox row: {}", invalid.detail());
      }
      case DEAD_LETTER -> {
        if (invalid.event() == null) {
          metrics.invalidRow(reason, "skipped");
          log.warn("Skipped invalid outbox row: {}", invalid.detail());
        } else {
          log.warn(
              "Dead-lettering invalid outbox row to {}: {}", deadLetterTopic, invalid.detail());
          sent.add(send(invalid.event(), deadLetterTopic, invalid));
        }
      }
    }
  }

  /**
   * Waits for every acknowledgement. An interrupt (the engine being stopped) does not cut the wait
   * short: the sends are in flight either way, and finishing the batch lets its offsets be
   * committed, so a clean stop repeats nothing.
   *
   * @return whether the thread was interrupted meanwhile (to be restored once the batch is marked)
   */
  private boolean awaitAcknowledgements(List<Sent> sent) {
    if (sent.isEmpty()) {
      return false;
    }
    boolean interrupted = false;
    try {
      producer.flush();
    } catch (InterruptException e) {
      interrupted = true;
      Thread.interrupted();
    }
    for (int i = 0; i < sent.size(); i++) {
      Sent s = sent.get(i);
      while (true) {
        try {
          s.ack().get();
          s.trace().ended(null);
          sent.set(i, s);
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          s.trace().ended(cause);
          if (cause instanceof RecordTooLargeException && s.why() == null) {
            s = tooLarge(s, cause);
            sent.set(i, s);
            if (s.ack() != null) {
              continue;
            }
            break;
          }
          throw new OutboxRelayException(
              "Kafka did not acknowledge event "
                  + s.event().eventId()
                  + " for topic "
                  + s.topic()
                  + ": "
                  + cause,
              cause);
        }
      }
    }
    long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    for (Sent s : sent) {
      if (s.why() == null) {
        metrics.published(s.topic(), s.event().createdAtMicros(), nowMicros);
      } else if (s.ack() != null) {
        metrics.invalidRow(s.why().reason().tag(), "dead-lettered");
      }
    }
    return interrupted;
  }

  /**
   * An event Kafka refused as too large, by the policy: a marker sent to the dead-letter topic
   * (returned, to be awaited), skipped (returned without an acknowledgement to wait for), or the
   * relay stopped.
   */
  private Sent tooLarge(Sent refused, Throwable cause) {
    OutboxEvent event = refused.event();
    Invalid invalid =
        new Invalid(
            OutboxRecordRouter.InvalidRowReason.TOO_LARGE,
            "event "
                + event.eventId()
                + " of "
                + event.value().length
                + " bytes is too large for Kafka: "
                + cause.getMessage(),
            event);
    switch (policy) {
      case FAIL -> {
        metrics.invalidRow(invalid.reason().tag(), "failed");
        throw new OutboxRelayException(
            "Invalid outbox row, stopping (reservas.relay.invalid-row=fail): " + invalid.detail(),
            cause);
      }
      case SKIP_AND_LOG -> {
        metrics.invalidRow(invalid.reason().tag(), "skipped");
        log.warn("Skipped invalid outbox row: {}", invalid.detail());
        return new Sent(event, refused.topic(), null, invalid, refused.trace());
      }
      default -> {
        log.warn("Dead-lettering a marker of it to {}: {}", deadLetterTopic, invalid.detail());
        OutboxEvent marker =
            new OutboxEvent(
                event.topic(),
                event.key(),
                new byte[0],
                event.headers(),
                event.eventId(),
                event.eventType(),
                event.createdAtMicros());
        return send(marker, deadLetterTopic, invalid);
      }
    }
  }
}
