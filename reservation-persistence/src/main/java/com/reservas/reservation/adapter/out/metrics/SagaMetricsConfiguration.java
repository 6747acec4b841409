package com.reservas.reservation.adapter.out.metrics;

import com.reservas.reservation.application.port.out.SagaProgress;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The saga's metrics for the services that create or move reservations (API, projector). */
@Configuration(proxyBeanMethods = false)
public class SagaMetricsConfiguration {

  @Bean
  SagaProgress sagaProgress(MeterRegistry meters) {
    return new MicrometerSagaProgress(meters);
  }
}
