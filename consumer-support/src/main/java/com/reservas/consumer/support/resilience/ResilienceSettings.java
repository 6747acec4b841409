package com.reservas.consumer.support.resilience;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Objects;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The resilience of one dependency as typed, validated configuration, for a service that keeps it
 * among its own settings (the provider consumer's {@code reservas.supplier.*}) instead of under
 * {@code resilience4j.*}; {@link ResiliencePipeline#fromSettings} builds the pipeline from it. The
 * nested records bind as {@code <prefix>.retry.*} and {@code <prefix>.circuit-breaker.*}.
 *
 * @param callTimeout how long one attempt may take, answer included (time limiter)
 * @param retry the retries within one delivery of an event
 * @param circuitBreaker the breaker in front of the dependency
 */
public record ResilienceSettings(Duration callTimeout, Retry retry, CircuitBreaker circuitBreaker) {

  /** Validates. */
  public ResilienceSettings {
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(circuitBreaker, "circuitBreaker");
  }

  /**
   * Retries within one delivery of an event, on transient failures only, with exponential backoff
   * and jitter.
   *
   * @param maxAttempts attempts in all, the first included
   * @param initialBackoff wait before the first retry
   * @param multiplier growth of the wait from one retry to the next
   * @param jitter randomisation factor: each wait is drawn from [wait × (1 − jitter), wait × (1 +
   *     jitter)]
   * @param maxBackoff cap on a single wait
   */
  public record Retry(
      @DefaultValue("3") @Min(1) @Max(20) int maxAttempts,
      @DefaultValue("200ms") @NotNull @DurationMin(millis = 1) Duration initialBackoff,
      @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
      @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false)
          double jitter,
      @DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration maxBackoff) {}

  /**
   * The circuit breaker: counts transient failures only (a business answer is not a failure); while
   * open, calls fail at once and the work waits in the retry topics.
   *
   * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
   * @param slidingWindowSize calls in the count-based window
   * @param minimumNumberOfCalls calls needed before the rate is computed
   * @param waitInOpenState how long the breaker stays open before it lets trial calls through
   * @param permittedCallsInHalfOpenState trial calls deciding whether to close again
   */
  public record CircuitBreaker(
      @DefaultValue("50") @DecimalMin("1") @DecimalMax("100") float failureRateThreshold,
      @DefaultValue("20") @Min(1) int slidingWindowSize,
      @DefaultValue("10") @Min(1) int minimumNumberOfCalls,
      @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration waitInOpenState,
      @DefaultValue("3") @Min(1) int permittedCallsInHalfOpenState) {}
}
