package com.reservas.starter.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The limits every service applies ({@code reservas.rate-limit.*}; the API adds its endpoint groups
 * and client quotas under the same prefix). Counted per client address (IPv6 per /64).
 *
 * @param enabled whether requests are limited at all (the {@code load} profile turns it off)
 * @param maxTrackedClients how many limiters are kept; the least recently used is forgotten first,
 *     so memory stays bounded however many addresses call
 * @param failedAuthentications 401 answers an address may earn before it is refused (429) outright
 *     until the period ends: guessing keys or operator credentials is slow by construction
 * @param operator requests with an operator credential per address
 */
@Validated
@ConfigurationProperties("reservas.rate-limit")
public record RateLimitSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10000") @Min(1) int maxTrackedClients,
    @Valid RateLimit failedAuthentications,
    @Valid RateLimit operator) {

  /**
   * The defaults of the limits that are not set: 10 failures per minute, 10 requests per second.
   */
  public RateLimitSettings {
    if (failedAuthentications == null) {
      failedAuthentications = new RateLimit(10, Duration.ofMinutes(1));
    }
    if (operator == null) {
      operator = RateLimit.perSecond(10);
    }
  }
}
