package com.reservas.reservation.adapter.in.web.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Authentication settings.
 *
 * @param apiKeyPepper the server secret API keys are hashed under (16+ characters; from the
 *     environment in production)
 * @param adminToken the token operator endpoints require in {@code X-Admin-Token}; empty disables
 *     them
 * @param clientCache how long an authenticated key is trusted without a query
 * @param seedClients clients created (or re-keyed) at start-up, e.g. the local demo client
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} is believed;
 *     empty (the default) means the peer's address is the client's
 */
@Validated
@ConfigurationProperties("reservas.security")
public record SecurityProperties(
    @NotBlank @Size(min = 16) String apiKeyPepper,
    @DefaultValue("") String adminToken,
    @DefaultValue("30s") Duration clientCache,
    @DefaultValue List<@Valid SeedClient> seedClients,
    @DefaultValue List<@NotBlank String> trustedProxies) {

  /** A client to create at start-up with a known key. */
  public record SeedClient(@NotBlank String id, @NotBlank String name, @NotBlank String apiKey) {}
}
