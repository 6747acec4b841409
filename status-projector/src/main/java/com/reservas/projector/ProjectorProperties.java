package com.reservas.projector;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the status projector ({@code reservas.projector.*}).
 *
 * @param groupId the consumer group, also the inbox's consumer name
 * @param retryMaxInterval the longest pause between retries of a failing outcome (retries never
 *     stop: a database outage pauses the projector, it does not skip events)
 * @param deadLetterPartitions partitions of each dead-letter topic the projector creates
 * @param stuck the stuck-reservation policy
 */
@Validated
@ConfigurationProperties("reservas.projector")
public record ProjectorProperties(
    @DefaultValue("status-projector") @NotBlank String groupId,
    @DefaultValue("payments.events") @NotBlank String paymentsTopic,
    @DefaultValue("suppliers.events") @NotBlank String suppliersTopic,
    @DefaultValue("30s") Duration retryMaxInterval,
    @DefaultValue("3") @Min(1) int deadLetterPartitions,
    @DefaultValue @Valid Stuck stuck) {

  /** Where records of {@code topic} that can never be applied go: {@code <topic>-<group>-dlt}. */
  public String deadLetterTopic(String topic) {
    return topic + "-" + groupId + "-dlt";
  }

  /** The dead-letter topics of both input topics. */
  public List<String> deadLetterTopics() {
    return List.of(deadLetterTopic(paymentsTopic), deadLetterTopic(suppliersTopic));
  }

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
