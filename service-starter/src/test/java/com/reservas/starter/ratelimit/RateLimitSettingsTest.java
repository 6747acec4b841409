package com.reservas.starter.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RateLimitSettingsTest {

  @Test
  void withoutAnySettingTheDocumentedDefaultsApply() {
    RateLimitSettings settings =
        new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("reservas.rate-limit", RateLimitSettings.class);

    assertThat(settings.enabled()).isTrue();
    assertThat(settings.maxTrackedClients()).isEqualTo(10_000);
    assertThat(settings.failedAuthentications())
        .isEqualTo(new RateLimit(10, Duration.ofMinutes(1)));
    assertThat(settings.operator()).isEqualTo(RateLimit.perSecond(10));
  }
}
