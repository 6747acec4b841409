package com.reservas.starter.web;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Starts every exchange in a later task of its connection's event loop, so that no request is
 * answered while reactor-netty is still dispatching it.
 *
 * <p>Reactor Netty 1.3 (the version Spring Boot 4.0 manages; reactor/reactor-netty#4361) stops
 * reading an HTTP/1.1 keep-alive connection for good when a request that arrived before the
 * previous answer had ended (a client that sends its next request as soon as it has the answer) is
 * then answered at once, while the server is taking it from its queue: the request's trailing
 * content is left queued, the read is never re-armed, and the client's next request on that
 * connection waits until the client gives up. Here that was an answer from the database, completed
 * on the driver's thread, followed by a refusal of the security chain (401, 403, 429), which needs
 * no I/O: one client in a few hundred such pairs hung, in the services and in their tests ({@code
 * KeepAliveStallTest} shows it). Answered one event-loop task later, the request is dispatched and
 * its content drained before the answer ends, and the end re-arms the read as usual. The cost is
 * one task per request on the thread that already runs it.
 */
public final class KeepAliveStallGuard implements WebFilter, Ordered {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest())
        instanceof Connection connection) {
      return chain
          .filter(exchange)
          .subscribeOn(Schedulers.fromExecutor(connection.channel().eventLoop()));
    }
    return chain.filter(exchange);
  }

  /** Before every other filter, Spring Security's included: they may answer at once. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
