package com.reservas.reservation.adapter.in.web;

import com.reservas.reservation.application.service.ReservationCodesExhaustedException;
import com.reservas.starter.tracing.ContextThreadLocals;
import com.reservas.starter.web.ProblemWriter;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The last line: every error becomes problem+json. Client mistakes keep their status; a database
 * that does not answer is a 503 with {@code Retry-After}; anything else is a 500 that tells the
 * client nothing about the internals (the log has the details).
 */
@Order(-2)
public final class ApiErrorHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

  private final ProblemWriter problems;

  public ApiErrorHandler(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (error instanceof ResponseStatusException status) {
      return clientError(exchange, status);
    }
    if (causedBy(error, DataBufferLimitException.class)) {
      return problems.write(
          exchange,
          HttpStatus.CONTENT_TOO_LARGE,
          "payload-too-large",
          "Payload too large",
          "The request body is larger than this API accepts");
    }
    if (isUnavailable(error)) {
      exchange.getResponse().getHeaders().set("Retry-After", "5");
      return ContextThreadLocals.runInContext(
              () -> log.warn("Dependency unavailable: {}", causes(error)))
          .then(
              problems.write(
                  exchange,
                  HttpStatus.SERVICE_UNAVAILABLE,
                  "unavailable",
                  "Service unavailable",
                  "The reservation store is not answering; retry shortly"));
    }
    return ContextThreadLocals.runInContext(
            () ->
                log.error(
                    "Unhandled error on {} {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    error))
        .then(
            problems.write(
                exchange,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "Something went wrong on our side; it has been logged"));
  }

  private Mono<Void> clientError(ServerWebExchange exchange, ResponseStatusException error) {
    HttpStatusCode code = error.getStatusCode();
    HttpStatus status = HttpStatus.resolve(code.value());
    if (status == null) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    error
        .getHeaders()
        .forEach((name, values) -> exchange.getResponse().getHeaders().addAll(name, values));
    String detail =
        switch (status) {
          case NOT_FOUND -> "No such resource";
          case METHOD_NOT_ALLOWED -> "This method is not allowed here";
          case UNSUPPORTED_MEDIA_TYPE -> "Send application/json";
          case NOT_ACCEPTABLE -> "This resource is available as application/json";
          case CONTENT_TOO_LARGE -> "The request body is larger than this API accepts";
          default -> status.getReasonPhrase();
        };
    String type = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    return problems.write(exchange, status, type, status.getReasonPhrase(), detail);
  }

  private static boolean isUnavailable(Throwable error) {
    return causedBy(error, DataAccessResourceFailureException.class)
        || causedBy(error, R2dbcNonTransientResourceException.class)
        || causedBy(error, R2dbcTransientResourceException.class)
        || causedBy(error, ConnectException.class)
        || causedBy(error, TimeoutException.class)
        || causedBy(error, ReservationCodesExhaustedException.class);
  }

  /** The chain of causes on one line: which dependency failed, and how, without a stack trace. */
  private static String causes(Throwable error) {
    StringBuilder chain = new StringBuilder(error.toString());
    for (Throwable t = error.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      chain.append(" <- ").append(t);
    }
    return chain.toString();
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
