package com.reservas.reservation.adapter.in.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class RateLimitingTest {

  private static RateLimitProperties limits(int maxTracked) {
    RateLimitProperties.Limit twoPerHour = new RateLimitProperties.Limit(2, Duration.ofHours(1));
    return new RateLimitProperties(
        true, maxTracked, twoPerHour, twoPerHour, twoPerHour, twoPerHour);
  }

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
  void eachAddressAndGroupHasItsOwnLimiter() {
    BoundedRateLimiters limiters = new BoundedRateLimiters(limits(100));

    assertThat(limiters.of("198.51.100.1", EndpointGroup.CREATE).acquirePermission()).isTrue();
    assertThat(limiters.of("198.51.100.1", EndpointGroup.CREATE).acquirePermission()).isTrue();
    assertThat(limiters.of("198.51.100.1", EndpointGroup.CREATE).acquirePermission()).isFalse();
    assertThat(limiters.of("198.51.100.1", EndpointGroup.READ).acquirePermission()).isTrue();
    assertThat(limiters.of("198.51.100.2", EndpointGroup.CREATE).acquirePermission()).isTrue();
  }

  @Test
  void memoryStaysBoundedHoweverManyAddressesCall() {
    BoundedRateLimiters limiters = new BoundedRateLimiters(limits(1_000));

    for (int i = 0; i < 50_000; i++) {
      limiters.of("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), EndpointGroup.READ);
    }

    assertThat(limiters.tracked()).isEqualTo(1_000);
  }

  @Test
  void theLeastRecentlyUsedAddressIsForgottenFirst() {
    BoundedRateLimiters limiters = new BoundedRateLimiters(limits(2));
    limiters.of("198.51.100.1", EndpointGroup.CREATE).acquirePermission();
    limiters.of("198.51.100.1", EndpointGroup.CREATE).acquirePermission();
    limiters.of("198.51.100.2", EndpointGroup.CREATE);
    limiters.of("198.51.100.1", EndpointGroup.CREATE);

    limiters.of("198.51.100.3", EndpointGroup.CREATE);

    assertThat(limiters.of("198.51.100.1", EndpointGroup.CREATE).acquirePermission())
        .as("still remembered, still exhausted")
        .isFalse();
  }
}
