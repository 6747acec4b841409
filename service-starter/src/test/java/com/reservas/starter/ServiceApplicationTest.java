package com.reservas.starter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** What every service gets from {@link ServiceApplication}, checked on a started one. */
class ServiceApplicationTest {

  @Test
  void noLoggingCallGoesThroughATurboFilter() {
    try (ConfigurableApplicationContext service = startedService()) {
      assertThat(service.isActive()).isTrue();
      LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
      assertThat(logging.getTurboFilterList())
          .as("a turbo filter runs on every logging call, even a disabled debug check")
          .isEmpty();
    }
  }

  @Test
  void springSecurityMakesNoSpansOfItsOwnWhileOtherObservationsDo() {
    try (ConfigurableApplicationContext service = startedService()) {
      ObservationRegistry observations = service.getBean(ObservationRegistry.class);
      Observation filterChain = Observation.start("spring.security.filterchains", observations);
      Observation record = Observation.start("spring.kafka.listener", observations);
      try {
        assertThat(record.isNoop()).as("a Kafka record is observed").isFalse();
        assertThat(filterChain.isNoop()).as("Spring Security's filter chain is not").isTrue();
      } finally {
        filterChain.stop();
        record.stop();
      }
    }
  }

  private static ConfigurableApplicationContext startedService() {
    return ServiceApplication.builder(Service.class, "no-such-config")
        .web(WebApplicationType.NONE)
        .run("--reservas.operator.operations-token=an-operations-token-for-this-test");
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Service {}
}
