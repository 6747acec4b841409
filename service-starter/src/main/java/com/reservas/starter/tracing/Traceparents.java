package com.reservas.starter.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The W3C {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}) of a span: what the outbox
 * row stores and the Kafka records carry, so that the next service continues the trace. Empty where
 * there is no span (tracing off, as in most tests, or outside any trace).
 */
public final class Traceparents {

  /** A well-formed version-00 {@code traceparent}. */
  public static final Pattern FORMAT =
      Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

  private Traceparents() {}

  /** The {@code traceparent} of {@code context}; empty for a no-op context. */
  public static Optional<String> of(TraceContext context) {
    if (context == null || context.traceId().isEmpty() || context.spanId().isEmpty()) {
      return Optional.empty();
    }
    String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
    return Optional.of("00-" + context.traceId() + "-" + context.spanId() + "-" + flags);
  }

  /** The {@code traceparent} of {@code tracer}'s current span, if there is one. */
  public static Optional<String> current(Tracer tracer) {
    return of(tracer.currentTraceContext().context());
  }

  /** The {@code traceparent} of the span that the tracing handler started for {@code context}. */
  public static Optional<String> of(Observation.Context context) {
    TracingObservationHandler.TracingContext tracing =
        context.get(TracingObservationHandler.TracingContext.class);
    Span span = tracing == null ? null : tracing.getSpan();
    return span == null ? Optional.empty() : of(span.context());
  }
}
