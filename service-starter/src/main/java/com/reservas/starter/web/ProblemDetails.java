package com.reservas.starter.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details built the same way everywhere, so clients can rely on {@code type},
 * {@code title}, {@code status} and {@code detail}.
 */
public final class ProblemDetails {

  /** Problem types are {@code <TYPE_BASE><slug>}, e.g. {@code .../problems/unauthorized}. */
  public static final String TYPE_BASE = "https://reservas.example/problems/";

  private ProblemDetails() {}

  public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }
}
