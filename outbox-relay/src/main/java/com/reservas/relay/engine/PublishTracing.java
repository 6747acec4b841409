package com.reservas.relay.engine;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The relay's part of a reservation's trace (docs/observability.md): each publish is a span that
 * continues the trace named by the row's {@code traceparent}, and the record leaves with the span's
 * own {@code traceparent}, so that the consumers' spans are its children.
 */
public interface PublishTracing {

  /** No spans; records keep the row's {@code traceparent} as it was stored. */
  PublishTracing NONE = record -> error -> {};

  /**
   * Starts the span of sending {@code record}, a child of the context in its {@code traceparent}
   * header (a new trace if it has none), and replaces that header with the span's context.
   */
  Sending start(ProducerRecord<String, byte[]> record);

  /** A started publish span. */
  interface Sending {

    /** Ends the span when the broker acknowledged ({@code error} null) or refused the record. */
    void ended(Throwable error);
  }
}
