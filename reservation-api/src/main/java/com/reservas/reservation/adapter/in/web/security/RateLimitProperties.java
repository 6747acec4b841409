package com.reservas.reservation.adapter.in.web.security;

import com.reservas.starter.ratelimit.RateLimit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits of the API's endpoint groups per client address, and the default quotas of API
 * clients (the defaults are in {@code reservation-api.yml} and docs/SECURITY.md). The switch, the
 * bound on tracked addresses and the limits every service has (failed authentications, operator
 * requests) are the service starter's, under the same prefix.
 */
@Validated
@ConfigurationProperties("reservas.rate-limit")
public record RateLimitProperties(
    @NotNull @Valid RateLimit create,
    @NotNull @Valid RateLimit read,
    @NotNull @Valid RateLimit cancel,
    @NotNull @Valid RateLimit catalogue,
    @DefaultValue @Valid ClientQuotaDefaults clientQuota) {

  /**
   * The quota of a client that has none of its own, and the period quotas are counted over.
   *
   * @param creationsPerSecond default 20
   * @param readsPerSecond default 100
   * @param period default 1 s (tests lengthen it to count without a clock)
   */
  public record ClientQuotaDefaults(
      @DefaultValue("20") @Min(1) @Max(ClientQuota.MAX) int creationsPerSecond,
      @DefaultValue("100") @Min(1) @Max(ClientQuota.MAX) int readsPerSecond,
      @DefaultValue("1s") @NotNull Duration period) {

    public ClientQuota quota() {
      return new ClientQuota(creationsPerSecond, readsPerSecond);
    }
  }

  RateLimit of(EndpointGroup group) {
    return switch (group) {
      case CREATE -> create;
      case READ -> read;
      case CANCEL -> cancel;
      case CATALOGUE -> catalogue;
    };
  }
}
