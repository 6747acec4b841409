package com.reservas.starter.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoundedRateLimitersTest {

  private static final RateLimit TWO_PER_HOUR = new RateLimit(2, Duration.ofHours(1));

  @Test
  void eachKeyHasItsOwnLimiter() {
    BoundedRateLimiters limiters = new BoundedRateLimiters(100);

    assertThat(limiters.of("CREATE 198.51.100.1", TWO_PER_HOUR).acquirePermission()).isTrue();
    assertThat(limiters.of("CREATE 198.51.100.1", TWO_PER_HOUR).acquirePermission()).isTrue();
    assertThat(limiters.of("CREATE 198.51.100.1", TWO_PER_HOUR).acquirePermission()).isFalse();
    assertThat(limiters.of("READ 198.51.100.1", TWO_PER_HOUR).acquirePermission()).isTrue();
    assertThat(limiters.of("CREATE 198.51.100.2", TWO_PER_HOUR).acquirePermission()).isTrue();
  }

  @Test
  void aNewLimitStartsANewLimiter() {
    BoundedRateLimiters limiters = new BoundedRateLimiters(100);
    limiters.of("client-x", TWO_PER_HOUR).acquirePermission();
    limiters.of("client-x", TWO_PER_HOUR).acquirePermission();

    assertThat(limiters.of("client-x", new RateLimit(5, Duration.ofHours(1))).acquirePermission())
        .isTrue();
  }

  @Test
  void memoryStaysBoundedHoweverManyKeysCall() {
    BoundedRateLimiters limiters = new BoundedRateLimiters(1_000);

    for (int i = 0; i < 50_000; i++) {
      limiters.of("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), TWO_PER_HOUR);
    }

    assertThat(limiters.tracked()).isEqualTo(1_000);
  }

  @Test
  void theLeastRecentlyUsedKeyIsForgottenFirst() {
    BoundedRateLimiters limiters = new BoundedRateLimiters(2);
    limiters.of("198.51.100.1", TWO_PER_HOUR).acquirePermission();
    limiters.of("198.51.100.1", TWO_PER_HOUR).acquirePermission();
    limiters.of("198.51.100.2", TWO_PER_HOUR);
    limiters.of("198.51.100.1", TWO_PER_HOUR);

    limiters.of("198.51.100.3", TWO_PER_HOUR);

    assertThat(limiters.of("198.51.100.1", TWO_PER_HOUR).acquirePermission())
        .as("still remembered, still exhausted")
        .isFalse();
  }
}
