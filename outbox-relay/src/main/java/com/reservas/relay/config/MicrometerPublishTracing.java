package com.reservas.relay.config;

import com.reservas.relay.engine.OutboxRecordRouter;
import com.reservas.relay.engine.PublishTracing;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * {@link PublishTracing} with Micrometer Tracing (OpenTelemetry underneath): a producer span named
 * {@code <topic> publish} whose parent is the row's stored {@code traceparent}, extracted and
 * injected by the tracer's propagator (W3C trace context).
 */
final class MicrometerPublishTracing implements PublishTracing {

  private static final Propagator.Getter<Headers> GETTER =
      (headers, key) -> {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null
            ? null
            : new String(header.value(), StandardCharsets.UTF_8);
      };

  private static final Propagator.Setter<Headers> SETTER =
      (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
      };

  private final Propagator propagator;

  /** With {@link Propagator#NOOP} (no tracing) records keep the row's context unchanged. */
  MicrometerPublishTracing(Propagator propagator) {
    this.propagator = propagator;
  }

  @Override
  public Sending start(ProducerRecord<String, byte[]> record) {
    Span span =
        propagator
            .extract(record.headers(), GETTER)
            .kind(Span.Kind.PRODUCER)
            .name(record.topic() + " publish")
            .remoteServiceName("kafka")
            .tag("messaging.system", "kafka")
            .tag("messaging.destination.name", record.topic())
            .tag("reservas.event.type", eventType(record))
            .start();
    propagator.inject(span.context(), record.headers(), SETTER);
    return error -> {
      if (error != null) {
        span.error(error);
      }
      span.end();
    };
  }

  private static String eventType(ProducerRecord<String, byte[]> record) {
    String type = GETTER.get(record.headers(), OutboxRecordRouter.EVENT_TYPE_HEADER);
    return type == null ? "unknown" : type;
  }
}
