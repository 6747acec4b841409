package com.reservas.reservation.application.port.in;

import reactor.core.publisher.Mono;

/** Reserve a car: validate, price, and commit the reservation with its first event. */
public interface CreateReservationUseCase {
  Mono<CreateReservationResult> create(CreateReservationCommand command);
}
