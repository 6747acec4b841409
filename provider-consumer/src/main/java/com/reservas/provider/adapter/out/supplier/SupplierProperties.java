package com.reservas.provider.adapter.out.supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach the supplier and how hard to try ({@code reservas.supplier.*}); defaults and their
 * meaning are in {@code application.yml}. Validated at start-up: the application does not start
 * with a missing or nonsensical value.
 *
 * @param baseUrl the supplier API, without the {@code /v1} path
 * @param connectTimeout how long to wait for a TCP connection
 * @param callTimeout how long one attempt may take, answer included (resilience4j time limiter)
 */
@Validated
@ConfigurationProperties("reservas.supplier")
public record SupplierProperties(
    @DefaultValue("http://127.0.0.1:8091") @NotNull URI baseUrl,
    @DefaultValue("1s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
    @DefaultValue("3s") @NotNull @DurationMin(millis = 1) Duration callTimeout,
    @DefaultValue @NotNull @Valid Retry retry,
    @DefaultValue @NotNull @Valid CircuitBreaker circuitBreaker) {

  /**
   * Retries within one delivery of an event, on transient failures only (5xx, 408, 429, timeouts,
   * connection refused or reset), with exponential backoff and jitter.
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
   * The circuit breaker in front of the supplier: counts transient failures only (a rejection or a
   * refused request is an answer); while open, calls fail at once and the work waits in the retry
   * topics.
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
