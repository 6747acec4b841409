/**
 * Use case and ports of the payment consumer, framework-free: {@link
 * com.reservas.payment.application.service.PaymentService} implements {@link
 * com.reservas.payment.application.port.in.HandleReservationEventUseCase} over the outgoing ports
 * {@link com.reservas.payment.application.port.out.PaymentGateway} (Stripe) and {@link
 * com.reservas.payment.application.port.out.PaymentOutcomePort} (Kafka).
 */
package com.reservas.payment.application;
