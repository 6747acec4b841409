package com.reservas.provider.adapter.out.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** {@code reservas.supplier.*}: documented defaults, and no start-up with a nonsensical value. */
class SupplierPropertiesTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(WithSupplierProperties.class);

  @Test
  void withNothingSetTheDefaultsPointAtTheLocalSimulator() {
    context.run(
        started -> {
          SupplierProperties properties = started.getBean(SupplierProperties.class);
          assertThat(properties.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8091"));
          assertThat(properties.callTimeout()).isEqualTo(Duration.ofSeconds(3));
          assertThat(properties.retry().maxAttempts()).isEqualTo(3);
          assertThat(properties.retry().jitter()).isEqualTo(0.5);
          assertThat(properties.circuitBreaker().waitInOpenState())
              .isEqualTo(Duration.ofSeconds(10));
        });
  }

  @Test
  void aZeroTimeoutIsRefusedAtStartUp() {
    context
        .withPropertyValues("reservas.supplier.call-timeout=0s")
        .run(started -> assertThat(started).hasFailed());
  }

  @Test
  void aJitterOfOneOrMoreIsRefusedAtStartUp() {
    context
        .withPropertyValues("reservas.supplier.retry.jitter=1.0")
        .run(started -> assertThat(started).hasFailed());
  }

  @Test
  void noAttemptAtAllIsRefusedAtStartUp() {
    context
        .withPropertyValues("reservas.supplier.retry.max-attempts=0")
        .run(started -> assertThat(started).hasFailed());
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(SupplierProperties.class)
  static class WithSupplierProperties {}
}
