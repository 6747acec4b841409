package com.reservas.provider.adapter.in.kafka;

import com.reservas.consumer.support.kafka.KafkaListenersHealthIndicator;
import com.reservas.provider.application.port.in.HandleReservationEventUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * The listener of {@code reservations.events}. Consumer factory, retry topics, dead-letter topic,
 * replay endpoint and listener health come from consumer-support's auto-configuration ({@code
 * reservas.consumer.*}).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaListenerConfiguration {

  @Bean
  ReservationEventListener reservationEventListener(HandleReservationEventUseCase useCase) {
    return new ReservationEventListener(useCase);
  }

  /**
   * {@code kafkaListeners} health (readiness). Declared here because consumer-support's own bean is
   * conditional on the listener registry, which does not exist yet when its auto-configuration
   * (ordered before Kafka's) is evaluated; the same class, so nothing is duplicated.
   */
  @Bean
  KafkaListenersHealthIndicator kafkaListenersHealthIndicator(
      KafkaListenerEndpointRegistry registry) {
    return new KafkaListenersHealthIndicator(registry);
  }
}
