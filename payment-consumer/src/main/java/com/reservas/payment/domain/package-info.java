/**
 * The payment rules, framework-free: which operation a reservation snapshot calls for ({@link
 * com.reservas.payment.domain.PaymentPolicy}), idempotency keys ({@link
 * com.reservas.payment.domain.PaymentOperation#idempotencyKey}), amounts in minor units ({@link
 * com.reservas.payment.domain.Money}) and Stripe's possible answers ({@link
 * com.reservas.payment.domain.PaymentOutcome}).
 */
package com.reservas.payment.domain;
