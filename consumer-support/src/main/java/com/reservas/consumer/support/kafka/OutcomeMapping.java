package com.reservas.consumer.support.kafka;

import com.reservas.consumer.support.loop.EventSource;
import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.schemas.avro.EventMetadata;
import com.reservas.schemas.avro.ExternalCall;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * How one consumer's outcomes become the Avro events of its outcome topic; {@link
 * KafkaOutcomePublisher} does the rest (ids, trace context, masking, publishing, counting).
 *
 * @param <O> the consumer's outcomes
 */
public interface OutcomeMapping<O> {

  /** The reservation code: the record key. */
  String reservationCode(O outcome);

  /** What was done, e.g. {@code authorize}: part of the outcome's id and a metric tag. */
  String operation(O outcome);

  /**
   * What the outcome's id is derived from: by default the id of the event it answers; a consumer
   * whose dependency answers each request once and for all may name the request instead, so the
   * same answer reached through another event keeps its id.
   */
  default String idBasis(EventSource source, O outcome) {
    return source.eventId();
  }

  /** The HTTP calls the outcome took, unmasked or masked (they are masked again). */
  List<HttpExchange> calls(O outcome);

  /**
   * The event of {@code outcome}.
   *
   * @param metadata the metadata of an event of a given type, with the deterministic id
   * @param calls the masked, truncated calls
   */
  SpecificRecord toEvent(O outcome, Metadata metadata, List<ExternalCall> calls);

  /** The metadata of the outcome event, once its type is chosen. */
  @FunctionalInterface
  interface Metadata {

    /** The metadata of an event of {@code type}. */
    EventMetadata of(Class<? extends SpecificRecord> type);
  }
}
