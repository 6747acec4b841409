package com.reservas.payment.adapter.out.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Which failures of a Stripe call are transient, i.e. worth retrying with the same idempotency key
 * and counted by the circuit breaker: a timeout (TimeLimiter), a connection error or read timeout
 * ({@link ApiConnectionException}), a rate limit ({@link RateLimitException}, 429), a 5xx, and a
 * 409 {@code idempotency_key_in_use} (the first attempt is still running). A declined card, an
 * invalid request, an idempotency mismatch or an authentication error are not.
 *
 * <p>Referenced by class name from {@code resilience4j.retry.instances.stripe.retry-exception-
 * predicate} and {@code resilience4j.circuitbreaker.instances.stripe.record-exception-predicate}.
 */
public class TransientStripeErrors implements Predicate<Throwable> {

  /** Called by resilience4j. */
  public TransientStripeErrors() {}

  @Override
  public boolean test(Throwable error) {
    return isTransient(error);
  }

  /** Whether {@code error} is transient. */
  public static boolean isTransient(Throwable error) {
    if (error instanceof CardException || error instanceof IdempotencyException) {
      return false;
    }
    if (error instanceof TimeoutException
        || error instanceof ApiConnectionException
        || error instanceof RateLimitException
        || error instanceof IOException) {
      return true;
    }
    if (error instanceof StripeException stripe) {
      Integer status = stripe.getStatusCode();
      return status != null && (status >= 500 || status == 429 || status == 409);
    }
    return false;
  }
}
