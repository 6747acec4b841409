package com.reservas.projector;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the status projector ({@code reservas.projector.*}). Its consumer group, retries and
 * dead-letter topics are consumer-support's {@code reservas.consumer.*}.
 *
 * @param paymentsTopic the payment outcomes, consumed by one listener container
 * @param suppliersTopic the supplier outcomes, consumed by another
 * @param outcomesPerTransaction the most outcomes of one poll applied in one transaction; 1 gives
 *     each its own
 * @param stuck the stuck-reservation policy
 */
@Validated
@ConfigurationProperties("reservas.projector")
public record ProjectorProperties(
    @DefaultValue("payments.events") @NotBlank String paymentsTopic,
    @DefaultValue("suppliers.events") @NotBlank String suppliersTopic,
    @DefaultValue("50") @Min(1) int outcomesPerTransaction,
    @DefaultValue @Valid Stuck stuck) {

  /**
   * @param remindAfter silence after which the reservation's request is repeated
   * @param expireAfter age after which an unconfirmed reservation is cancelled instead
   * @param checkEvery how often the policy runs
   * @param batchSize how many stuck reservations one pass handles
   * @param leaseFor how long one replica keeps the policy without renewing it (each pass renews
   *     it): the longest a standby replica waits before it takes over from one that died
   */
  public record Stuck(
      @DefaultValue("2m") Duration remindAfter,
      @DefaultValue("30m") Duration expireAfter,
      @DefaultValue("30s") Duration checkEvery,
      @DefaultValue("100") @Min(1) int batchSize,
      @DefaultValue("90s") Duration leaseFor) {

    @AssertTrue(
        message = "lease-for must be longer than check-every, or the lease lapses between passes")
    public boolean isLeaseLongerThanCheck() {
      return leaseFor.compareTo(checkEvery) > 0;
    }
  }
}
