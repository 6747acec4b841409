package com.reservas.reservation.application.port.out;

import com.reservas.reservation.domain.ReferenceData;
import reactor.core.publisher.Mono;

/** Reads the seeded catalogue of offices, suppliers, categories and coverage. */
public interface ReferenceDataPort {
  Mono<ReferenceData> load();
}
