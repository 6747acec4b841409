package com.reservas.consumer.support.kafka;

import com.reservas.starter.tracing.Traceparents;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * Moves a received record's trace context on to the span that handles it: when the listener
 * container's observation (a span per record, {@code spring.kafka.listener.observation-enabled})
 * starts, the record's {@code traceparent} header becomes that span's. So {@link
 * IncomingEvent#traceparent()}, which the outcome events and the status projector's next outbox row
 * carry on, names the span of this service's handling, not the producer's; and a record sent on to
 * a retry or dead-letter topic keeps the trace. Without tracing there is no span and the header
 * stays as it came.
 *
 * <p>On start, once, on the listener thread, and not when a scope opens: Reactor's automatic
 * context propagation opens the scope again on every event-loop thread that runs part of the
 * handling, at the same time as the listener reads the headers. Spring Boot registers this handler
 * after the tracing handler (grouped handlers first), so the span exists by then.
 */
public final class TraceparentHeaderHandler
    implements ObservationHandler<KafkaRecordReceiverContext> {

  @Override
  public void onStart(KafkaRecordReceiverContext context) {
    Traceparents.of(context)
        .ifPresent(
            traceparent -> {
              Headers headers = context.getRecord().headers();
              headers.remove(EventHeaders.TRACEPARENT);
              headers.add(EventHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
            });
  }

  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof KafkaRecordReceiverContext;
  }
}
