package com.reservas.starter.web;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where client addresses come from ({@code reservas.client-addresses.*}).
 *
 * @param trustedProxies addresses and CIDR ranges (e.g. {@code 10.0.0.0/8}, {@code fd00::/8}) of
 *     the reverse proxies whose header is believed; empty (the default) means the peer's address is
 *     the client's
 * @param forwardedHeader the header those proxies write: {@code X-Forwarded-For} (default) or
 *     {@code Forwarded} (RFC 7239). Only one is read: a client could write the other.
 */
@Validated
@ConfigurationProperties("reservas.client-addresses")
public record ClientAddressProperties(
    @DefaultValue List<@NotBlank String> trustedProxies,
    @DefaultValue(ClientAddresses.FORWARDED_FOR) @NotBlank String forwardedHeader) {}
