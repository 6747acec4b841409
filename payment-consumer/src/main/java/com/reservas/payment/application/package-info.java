/**
 * The payment step of the saga, framework-free: {@link
 * com.reservas.payment.application.service.PaymentStep} is consumer-support's {@code
 * ReservationStep} over the outgoing port {@link
 * com.reservas.payment.application.port.out.PaymentGateway} (Stripe); consumer-support's loop
 * publishes what it answers.
 */
package com.reservas.payment.application;
