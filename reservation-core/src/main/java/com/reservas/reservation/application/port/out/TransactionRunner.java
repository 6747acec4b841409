package com.reservas.reservation.application.port.out;

import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** Runs one use case's writes as one database transaction: all of them commit, or none. */
public interface TransactionRunner {
  <T> Mono<T> inTransaction(Supplier<Mono<T>> work);
}
