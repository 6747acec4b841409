package com.reservas.payment;

import com.reservas.consumer.support.kafka.ReservationEventsListener;
import com.reservas.consumer.support.kafka.ReservationLoops;
import com.reservas.consumer.support.loop.ReservationLoop;
import com.reservas.payment.adapter.in.kafka.ReservationPaymentReader;
import com.reservas.payment.adapter.out.kafka.PaymentOutcomeMapping;
import com.reservas.payment.application.port.out.PaymentGateway;
import com.reservas.payment.application.service.PaymentStep;
import com.reservas.payment.domain.PaymentOperation;
import com.reservas.payment.domain.PaymentPolicy;
import com.reservas.payment.domain.PaymentResult;
import com.reservas.payment.domain.ReservationPayment;
import com.reservas.schemas.seal.TokenSeal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the payment step into consumer-support's loop: Kafka in, Stripe ({@code
 * adapter.out.stripe.StripeAdapterConfiguration}) and {@code payments.events} out.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentConsumerConfiguration {

  @Bean
  ReservationLoop<ReservationPayment, PaymentOperation, PaymentResult> paymentLoop(
      ReservationLoops loops, PaymentGateway gateway) {
    return loops.of(
        new PaymentStep(new PaymentPolicy(), gateway),
        new PaymentOutcomeMapping(),
        "reservas.payment.outcomes");
  }

  @Bean
  ReservationEventsListener<ReservationPayment> reservationEventsListener(
      ReservationLoop<ReservationPayment, PaymentOperation, PaymentResult> paymentLoop,
      TokenSeal tokenSeal) {
    return new ReservationEventsListener<>(new ReservationPaymentReader(tokenSeal), paymentLoop);
  }
}
