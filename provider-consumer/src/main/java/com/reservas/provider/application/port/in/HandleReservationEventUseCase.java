package com.reservas.provider.application.port.in;

import reactor.core.publisher.Mono;

/**
 * Acts on a reservation event for the supplier: books a paid reservation's car, cancels a cancelled
 * reservation's booking, and publishes what the supplier answered.
 *
 * <p>Fails with {@link com.reservas.provider.application.port.out.SupplierUnavailableException}
 * when the supplier cannot be reached for now (try again later), and with {@link
 * com.reservas.provider.application.port.out.SupplierRequestRefusedException} when it refused the
 * request as such (trying again will not help). Safe to repeat for the same event.
 */
public interface HandleReservationEventUseCase {

  Mono<HandlingResult> handle(ReservationEventReceived event);
}
