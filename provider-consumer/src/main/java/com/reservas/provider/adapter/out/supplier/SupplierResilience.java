package com.reservas.provider.adapter.out.supplier;

import com.reservas.consumer.support.resilience.ResiliencePipeline;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.util.concurrent.TimeoutException;

/**
 * The resilience4j policy of supplier calls, from {@link SupplierProperties}, as consumer-support's
 * {@link ResiliencePipeline}: the time limiter bounds each attempt; the retry repeats transient
 * failures with exponential backoff and jitter; the circuit breaker, outermost, counts operations
 * whose retries were exhausted and, while open, refuses calls at once without touching the
 * supplier. A rejection (422) or a refusal (400, 404, 409) is an answer: neither retried nor
 * counted as a failure.
 */
public final class SupplierResilience {

  /**
   * The name of the breaker, retry and time limiter: tag {@code name="supplier"} in the metrics.
   */
  public static final String NAME = "supplier";

  private SupplierResilience() {}

  /** The pipeline, registered in the registries under {@link #NAME}. */
  public static ResiliencePipeline pipeline(
      SupplierProperties properties,
      TimeLimiterRegistry timeLimiters,
      RetryRegistry retries,
      CircuitBreakerRegistry circuitBreakers) {
    return ResiliencePipeline.of(
        timeLimiters.timeLimiter(NAME, timeLimiterConfig(properties)),
        retries.retry(NAME, retryConfig(properties.retry())),
        circuitBreakers.circuitBreaker(NAME, circuitBreakerConfig(properties.circuitBreaker())));
  }

  /** Worth another attempt: a 5xx/408/429 answer, no answer, or no answer in time. */
  static boolean isTransient(Throwable failure) {
    return failure instanceof TransientSupplierFailure || failure instanceof TimeoutException;
  }

  static TimeLimiterConfig timeLimiterConfig(SupplierProperties properties) {
    return TimeLimiterConfig.custom()
        .timeoutDuration(properties.callTimeout())
        .cancelRunningFuture(true)
        .build();
  }

  static RetryConfig retryConfig(SupplierProperties.Retry settings) {
    return RetryConfig.custom()
        .maxAttempts(settings.maxAttempts())
        .intervalFunction(
            IntervalFunction.ofExponentialRandomBackoff(
                settings.initialBackoff(),
                settings.multiplier(),
                settings.jitter(),
                settings.maxBackoff()))
        .retryOnException(SupplierResilience::isTransient)
        .build();
  }

  static CircuitBreakerConfig circuitBreakerConfig(SupplierProperties.CircuitBreaker settings) {
    return CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(settings.slidingWindowSize())
        .minimumNumberOfCalls(settings.minimumNumberOfCalls())
        .failureRateThreshold(settings.failureRateThreshold())
        .waitDurationInOpenState(settings.waitInOpenState())
        .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
        .recordException(SupplierResilience::isTransient)
        .build();
  }
}
