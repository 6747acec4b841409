package com.reservas.provider.adapter.out.supplier;

import com.reservas.consumer.support.resilience.ResilienceSettings;
import jakarta.validation.Valid;
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
 * @param retry retries within one delivery of an event, on transient failures only (5xx, 408, 429,
 *     timeouts, connection refused or reset)
 * @param circuitBreaker the breaker in front of the supplier; a rejection (422) or a refused
 *     request is an answer, not a failure
 */
@Validated
@ConfigurationProperties("reservas.supplier")
public record SupplierProperties(
    @DefaultValue("http://127.0.0.1:8091") @NotNull URI baseUrl,
    @DefaultValue("1s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
    @DefaultValue("3s") @NotNull @DurationMin(millis = 1) Duration callTimeout,
    @DefaultValue @NotNull @Valid ResilienceSettings.Retry retry,
    @DefaultValue @NotNull @Valid ResilienceSettings.CircuitBreaker circuitBreaker) {

  /** The resilience of supplier calls: time limiter, retry and circuit breaker. */
  public ResilienceSettings resilience() {
    return new ResilienceSettings(callTimeout, retry, circuitBreaker);
  }
}
