package com.reservas.notification;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reservas.notifications.*}: how webhooks are sent and retried.
 *
 * @param pollInterval how often due deliveries are looked for
 * @param batchSize most queues (endpoint and reservation) one round sends
 * @param concurrency most queues sent at once, one delivery in flight each
 * @param timeout a 2xx must arrive within this (10 s)
 * @param retry the retry schedule
 * @param leaseFor how long the sending replica's lease lasts without renewal
 */
@Validated
@ConfigurationProperties("reservas.notifications")
public record DispatcherProperties(
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("200") @Min(1) int batchSize,
    @DefaultValue("32") @Min(1) int concurrency,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue Retry retry,
    @DefaultValue("30s") Duration leaseFor) {

  /**
   * @param initialDelay wait after the first failure
   * @param multiplier growth of the wait
   * @param maxDelay cap on one wait
   * @param jitter each wait is drawn from [wait × (1 − jitter), wait]
   * @param giveUpAfter a delivery failing this long is given up and its endpoint disabled
   */
  public record Retry(
      @DefaultValue("10s") Duration initialDelay,
      @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
      @DefaultValue("1h") Duration maxDelay,
      @DefaultValue("0.3") @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false)
          double jitter,
      @DefaultValue("3d") Duration giveUpAfter) {}
}
