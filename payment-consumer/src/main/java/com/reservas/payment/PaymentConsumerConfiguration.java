package com.reservas.payment;

import com.reservas.consumer.support.ConsumerProperties;
import com.reservas.consumer.support.audit.ExternalCallRecorder;
import com.reservas.consumer.support.kafka.OutcomePublisher;
import com.reservas.payment.adapter.in.kafka.ReservationEventsListener;
import com.reservas.payment.adapter.out.kafka.KafkaPaymentOutcomePublisher;
import com.reservas.payment.application.port.in.HandleReservationEventUseCase;
import com.reservas.payment.application.port.out.PaymentGateway;
import com.reservas.payment.application.port.out.PaymentOutcomePort;
import com.reservas.payment.application.service.PaymentService;
import com.reservas.schemas.seal.TokenSeal;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the use case between its adapters: Kafka in, Stripe and Kafka out. The Stripe adapter has
 * its own configuration ({@code adapter.out.stripe.StripeAdapterConfiguration}); the Kafka plumbing
 * comes from consumer-support.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentConsumerConfiguration {

  @Bean
  PaymentOutcomePort paymentOutcomePort(
      OutcomePublisher publisher,
      ExternalCallRecorder recorder,
      ConsumerProperties properties,
      MeterRegistry meters) {
    return new KafkaPaymentOutcomePublisher(
        publisher, recorder, properties.outcomeTopic(), Clock.systemUTC(), meters);
  }

  @Bean
  HandleReservationEventUseCase handleReservationEventUseCase(
      PaymentGateway gateway, PaymentOutcomePort outcomes) {
    return new PaymentService(gateway, outcomes);
  }

  @Bean
  ReservationEventsListener reservationEventsListener(
      HandleReservationEventUseCase useCase, TokenSeal tokenSeal) {
    return new ReservationEventsListener(useCase, tokenSeal);
  }
}
