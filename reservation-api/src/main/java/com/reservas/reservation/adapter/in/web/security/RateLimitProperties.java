package com.reservas.reservation.adapter.in.web.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits per client IP and endpoint group (the defaults are in {@code reservation-api.yml} and
 * docs/SECURITY.md; the {@code load} profile turns limiting off).
 *
 * @param enabled whether requests are limited at all
 * @param maxTrackedClients how many (IP, endpoint group) limiters are kept; the least recently used
 *     is forgotten first, so memory stays bounded however many addresses call
 */
@Validated
@ConfigurationProperties("reservas.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10000") @Min(1) int maxTrackedClients,
    @NotNull @Valid Limit create,
    @NotNull @Valid Limit read,
    @NotNull @Valid Limit cancel,
    @NotNull @Valid Limit catalogue) {

  /** At most {@code limitForPeriod} requests per {@code refreshPeriod}. */
  public record Limit(@Min(1) int limitForPeriod, @NotNull Duration refreshPeriod) {}

  Limit of(EndpointGroup group) {
    return switch (group) {
      case CREATE -> create;
      case READ -> read;
      case CANCEL -> cancel;
      case CATALOGUE -> catalogue;
    };
  }
}
