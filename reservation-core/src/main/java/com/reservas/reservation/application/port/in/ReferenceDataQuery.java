package com.reservas.reservation.application.port.in;

import com.reservas.reservation.domain.ReferenceData;
import reactor.core.publisher.Mono;

/** The catalogue clients choose from: offices, suppliers and vehicle categories. */
public interface ReferenceDataQuery {
  Mono<ReferenceData> referenceData();
}
