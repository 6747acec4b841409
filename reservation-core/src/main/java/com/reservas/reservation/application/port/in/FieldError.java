package com.reservas.reservation.application.port.in;

/** One invalid input field, named by its JSON path (e.g. {@code pickup.at}). */
public record FieldError(String field, String message) {}
