package com.reservas.reservation.application.service;

import com.reservas.reservation.application.port.in.ReferenceDataQuery;
import com.reservas.reservation.application.port.out.ReferenceDataPort;
import com.reservas.reservation.domain.ReferenceData;
import reactor.core.publisher.Mono;

/** Serves the catalogue as stored. */
public final class ReferenceDataService implements ReferenceDataQuery {

  private final ReferenceDataPort referenceData;

  public ReferenceDataService(ReferenceDataPort referenceData) {
    this.referenceData = referenceData;
  }

  @Override
  public Mono<ReferenceData> referenceData() {
    return referenceData.load();
  }
}
