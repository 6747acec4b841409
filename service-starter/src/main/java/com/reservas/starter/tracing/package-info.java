/**
 * Trace context as the services pass it on by hand where no instrumented client does it for them
 * (the outbox row, the relay's produce): the W3C {@code traceparent} of a Micrometer Tracing span.
 * See docs/observability.md.
 */
package com.reservas.starter.tracing;
