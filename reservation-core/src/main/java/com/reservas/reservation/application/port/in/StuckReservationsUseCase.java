package com.reservas.reservation.application.port.in;

import com.reservas.reservation.domain.Reservation;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Reservations waiting too long for a payment or supplier answer: visible to operators, and
 * resolved by the documented policy (remind the services, then expire).
 */
public interface StuckReservationsUseCase {

  /**
   * The reservations currently waiting longer than the reminder threshold, then those whose payment
   * or booking needs a person (the policy leaves these alone).
   */
  Mono<List<Reservation>> stuck();

  /** The reservations whose payment or booking needs a person ({@code NEEDS_ATTENTION}). */
  Mono<List<Reservation>> needingAttention();

  /** Applies the policy once to every stuck reservation. */
  Mono<Resolution> resolve();

  /** How many were reminded and how many expired in one pass. */
  record Resolution(int reminded, int expired) {}
}
