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
 * API-key settings (operator credentials are {@code reservas.operator.*}, see the service starter).
 *
 * @param apiKeyPepper the server secret API keys are hashed under (16+ characters; from the
 *     environment in production)
 * @param clientCache how long an authenticated key is trusted without a query
 * @param seedClients demo clients with published keys, created at start-up when they do not exist
 *     (never re-keyed or un-revoked); only the {@code local} profile may have them, any other
 *     refuses to start with them
 */
@Validated
@ConfigurationProperties("reservas.security")
public record SecurityProperties(
    @NotBlank @Size(min = 16) String apiKeyPepper,
    @DefaultValue("30s") Duration clientCache,
    @DefaultValue List<@Valid SeedClient> seedClients) {

  /** A client to create at start-up with a known key. */
  public record SeedClient(@NotBlank String id, @NotBlank String name, @NotBlank String apiKey) {}
}
