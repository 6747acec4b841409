package com.reservas.consumer.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * The handler on a real OpenTelemetry tracer, registered after the tracing handler as Spring Boot
 * does (grouped handlers first, ungrouped ones such as this after them).
 */
class TraceparentHeaderHandlerTest {

  private static final String PRODUCER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PRODUCER_TRACEPARENT =
      "00-" + PRODUCER_TRACE + "-00f067aa0ba902b7-01";

  private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
  private final ObservationRegistry registry = ObservationRegistry.create();
  private final ConsumerRecord<String, String> record =
      new ConsumerRecord<>("reservations.events", 0, 42L, "ABCD1234", "event");

  TraceparentHeaderHandlerTest() {
    io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    OtelTracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {});
    OtelPropagator propagator =
        new OtelPropagator(
            ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
    registry
        .observationConfig()
        .observationHandler(new PropagatingReceiverTracingObservationHandler<>(tracer, propagator))
        .observationHandler(new TraceparentHeaderHandler());
    record
        .headers()
        .add(EventHeaders.TRACEPARENT, PRODUCER_TRACEPARENT.getBytes(StandardCharsets.UTF_8));
  }

  @AfterEach
  void closeTracer() {
    provider.close();
  }

  @Test
  void theRecordCarriesTheHandlingSpanOnceItsObservationHasStarted() {
    AtomicReference<List<String>> seenByTheListener = new AtomicReference<>();
    Observation observation = receiving();

    observation.observe(() -> seenByTheListener.set(traceparents()));

    assertThat(seenByTheListener.get()).hasSize(1);
    String handling = seenByTheListener.get().get(0);
    assertThat(handling)
        .as("the same trace, a new span")
        .startsWith("00-" + PRODUCER_TRACE + "-")
        .isNotEqualTo(PRODUCER_TRACEPARENT);
  }

  /**
   * Reactor's automatic context propagation opens the observation's scope again on every thread
   * that runs part of the handling (R2DBC's and WebClient's event loops), at the same time as the
   * listener reads the record: opening a scope must leave the headers as they are. It did not, and
   * a {@code ConcurrentModificationException} on an event loop broke database connections until the
   * saga stopped.
   */
  @Test
  void openingTheScopeAgainElsewhereLeavesTheHeadersAlone() {
    Observation observation = receiving();
    observation.observe(
        () -> {
          List<String> before = traceparents();
          Iterator<Header> listenerReading = record.headers().iterator();

          Thread eventLoop = new Thread(() -> observation.openScope().close());
          eventLoop.start();
          join(eventLoop);

          assertThat(listenerReading.hasNext()).isTrue();
          assertThat(listenerReading.next().key()).isEqualTo(EventHeaders.TRACEPARENT);
          assertThat(traceparents()).isEqualTo(before);
        });
  }

  private Observation receiving() {
    return Observation.createNotStarted(
        "reservations.events process",
        () -> new KafkaRecordReceiverContext(record, "listener", () -> "cluster"),
        registry);
  }

  private List<String> traceparents() {
    List<String> values = new ArrayList<>();
    record
        .headers()
        .headers(EventHeaders.TRACEPARENT)
        .forEach(header -> values.add(new String(header.value(), StandardCharsets.UTF_8)));
    return values;
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
