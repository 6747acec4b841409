package com.reservas.reservation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.reservation.application.fakes.FixedReferenceData;
import com.reservas.reservation.domain.ReferenceData;
import org.junit.jupiter.api.Test;

class ReferenceDataServiceTest {

  private final FixedReferenceData store = FixedReferenceData.seeded();
  private final ReferenceDataService service = new ReferenceDataService(store);

  @Test
  void theCatalogueIsServedAsStoredAndReadOnEveryQuery() {
    ReferenceData first = service.referenceData().block();
    ReferenceData second = service.referenceData().block();

    assertThat(first).isSameAs(store.catalogue()).isSameAs(second);
    assertThat(store.loads()).isEqualTo(2);
  }
}
