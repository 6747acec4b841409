package com.reservas.reservation.adapter.in.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class EndpointGroupTest {

  @Test
  void requestsAreGroupedByEndpoint() {
    assertThat(EndpointGroup.of(HttpMethod.POST, "/api/v1/reservations"))
        .contains(EndpointGroup.CREATE);
    assertThat(EndpointGroup.of(HttpMethod.GET, "/api/v1/reservations/ABCDEFGH"))
        .contains(EndpointGroup.READ);
    assertThat(EndpointGroup.of(HttpMethod.POST, "/api/v1/reservations/ABCDEFGH/cancellation"))
        .contains(EndpointGroup.CANCEL);
    assertThat(EndpointGroup.of(HttpMethod.GET, "/api/v1/offices"))
        .contains(EndpointGroup.CATALOGUE);
    assertThat(EndpointGroup.of(HttpMethod.GET, "/api/v1/vehicle-categories"))
        .contains(EndpointGroup.CATALOGUE);
    assertThat(EndpointGroup.of(HttpMethod.GET, "/api/v1/anything-else"))
        .contains(EndpointGroup.READ);
    assertThat(EndpointGroup.of(HttpMethod.GET, "/actuator/health")).isEmpty();
    assertThat(EndpointGroup.of(HttpMethod.POST, "/admin/api-clients")).isEmpty();
  }

  @Test
  void theGroupIsThatOfTheRoutedPathHoweverItIsSpelled() {
    assertThat(EndpointGroup.of(HttpMethod.POST, "/%61pi/v1/reservations"))
        .contains(EndpointGroup.CREATE);
    assertThat(EndpointGroup.of(HttpMethod.GET, "/%61%70%69/v1/%6Fffices"))
        .contains(EndpointGroup.CATALOGUE);
    assertThat(EndpointGroup.of(HttpMethod.POST, "/api;x/v1/reservations/ABCDEFGH/cancellation"))
        .contains(EndpointGroup.CANCEL);
  }
}
