package com.reservas.reservation.adapter.in.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/** Writes a problem+json answer straight to the exchange, for filters and the error handler. */
public final class ProblemWriter {

  private final ObjectMapper json;

  public ProblemWriter(ObjectMapper json) {
    this.json = json;
  }

  public Mono<Void> write(
      ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
    return write(exchange, Problems.problem(status, type, title, detail));
  }

  public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
    var response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    response.setRawStatusCode(problem.getStatus());
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    problem.setInstance(java.net.URI.create(exchange.getRequest().getPath().value()));
    DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
    return response.writeWith(Mono.just(buffer));
  }
}
