package com.reservas.reservation.adapter.in.web;

import com.reservas.reservation.application.port.in.FieldError;
import com.reservas.reservation.domain.ReservationCode;
import com.reservas.starter.web.ProblemDetails;
import com.reservas.starter.web.ProblemInstance;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

/**
 * RFC 9457 problem details, built the same way everywhere so clients can rely on {@code type},
 * {@code title}, {@code status}, {@code detail} and, for invalid input, {@code errors}.
 */
public final class Problems {

  private Problems() {}

  public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    return ProblemDetails.of(status, type, title, detail);
  }

  /**
   * The answer with this problem; its {@code instance} is the route template of the exchange (never
   * the path as the client wrote it, see {@link ProblemInstance}).
   */
  public static ResponseEntity<ProblemDetail> response(
      ProblemDetail problem, ServerWebExchange exchange) {
    problem.setInstance(ProblemInstance.of(exchange));
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  public static ResponseEntity<ProblemDetail> invalidInput(
      List<FieldError> errors, ServerWebExchange exchange) {
    ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "invalid-input",
            "Invalid input",
            errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
    problem.setProperty("errors", errors);
    return response(problem, exchange);
  }

  /** 404; the code is repeated only when it is a well-formed reservation code. */
  public static ResponseEntity<ProblemDetail> notFound(String code, ServerWebExchange exchange) {
    return response(
        problem(
            HttpStatus.NOT_FOUND,
            "not-found",
            "Reservation not found",
            "No reservation "
                + (ReservationCode.parse(code).isPresent() ? code : "with that code")),
        exchange);
  }
}
