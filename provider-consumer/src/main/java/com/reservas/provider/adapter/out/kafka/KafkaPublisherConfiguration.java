package com.reservas.provider.adapter.out.kafka;

import com.reservas.consumer.support.ConsumerProperties;
import com.reservas.consumer.support.kafka.OutcomePublisher;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes supplier outcomes to {@code reservas.consumer.outcome-topic} ({@code
 * suppliers.events}).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaPublisherConfiguration {

  @Bean
  KafkaSupplierOutcomePublisher supplierOutcomePublisher(
      OutcomePublisher publisher, ConsumerProperties properties, Clock clock) {
    return new KafkaSupplierOutcomePublisher(publisher, properties.outcomeTopic(), clock);
  }
}
