package com.reservas.reservation.adapter.in.web;

import com.reservas.reservation.application.port.in.FieldError;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem details, built the same way everywhere so clients can rely on {@code type},
 * {@code title}, {@code status}, {@code detail} and, for invalid input, {@code errors}.
 */
public final class Problems {

  private static final String TYPE_BASE = "https://reservas.example/problems/";

  private Problems() {}

  public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }

  public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  public static ResponseEntity<ProblemDetail> invalidInput(List<FieldError> errors) {
    ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "invalid-input",
            "Invalid input",
            errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
    problem.setProperty("errors", errors);
    return response(problem);
  }

  public static ResponseEntity<ProblemDetail> notFound(String code) {
    return response(
        problem(
            HttpStatus.NOT_FOUND,
            "not-found",
            "Reservation not found",
            "No reservation " + (code.matches("[A-Za-z0-9]{1,16}") ? code : "with that code")));
  }
}
