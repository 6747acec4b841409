package com.reservas.reservation.adapter.in.web;

import com.reservas.starter.tracing.Traceparents;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Where a reservation's trace starts (docs/observability.md): the span of the request (Spring's
 * HTTP server observation, which continues a valid {@code traceparent} of the client or starts a
 * new trace) is answered in the {@code traceparent} response header, and handed to the controller,
 * which stores it with the outbox row. First of all filters, so that every answer, refusals too,
 * names its trace.
 */
public final class TraceContextWebFilter implements WebFilter, Ordered {

  static final String TRACEPARENT = "traceparent";

  private static final String ATTRIBUTE = TraceContextWebFilter.class.getName() + ".traceparent";

  /** The {@code traceparent} of the request's span; empty when tracing is off. */
  static Optional<String> traceparentOf(ServerWebExchange exchange) {
    return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerRequestObservationContext.findCurrent(exchange.getAttributes())
        .flatMap(Traceparents::of)
        .ifPresent(
            traceparent -> {
              exchange.getAttributes().put(ATTRIBUTE, traceparent);
              exchange.getResponse().getHeaders().set(TRACEPARENT, traceparent);
            });
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
