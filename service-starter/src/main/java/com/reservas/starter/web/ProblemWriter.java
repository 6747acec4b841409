package com.reservas.starter.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes a problem+json answer straight to the exchange: for security handlers, filters and error
 * handlers, which answer before (or instead of) a controller. Its {@code instance} is the route
 * template or the masked path ({@link ProblemInstance}), never the path as the client wrote it.
 *
 * <p>Such an answer usually goes out before the request body was read (a refused {@code POST}). The
 * connection is then closed after the answer ({@code Connection: close}, as RFC 9112 §9.6 allows a
 * server that does not read a body): left open, the unread body stalled the next request on the
 * same keep-alive connection until the client timed out. (The other stall of Reactor Netty's
 * keep-alive handling, after a request answered at once, is {@link KeepAliveStallGuard}'s.)
 */
public final class ProblemWriter {

  private final ObjectMapper json;

  public ProblemWriter(ObjectMapper json) {
    this.json = json;
  }

  public Mono<Void> write(
      ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
    return write(exchange, ProblemDetails.of(status, type, title, detail));
  }

  public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
    var response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    response.setRawStatusCode(problem.getStatus());
    if (declaresBody(exchange.getRequest().getHeaders())) {
      response.getHeaders().set(HttpHeaders.CONNECTION, "close");
    }
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    problem.setInstance(ProblemInstance.of(exchange));
    DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
    return response.writeWith(Mono.just(buffer));
  }

  private static boolean declaresBody(HttpHeaders request) {
    return request.getContentLength() > 0 || request.containsHeader(HttpHeaders.TRANSFER_ENCODING);
  }
}
