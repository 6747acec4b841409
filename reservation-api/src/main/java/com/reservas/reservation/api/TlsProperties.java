package com.reservas.reservation.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether the API must be served over TLS. The {@code prod} profile requires it; the service then
 * refuses to start unless {@code server.ssl.bundle} names an SSL bundle (see docs/SECURITY.md).
 */
@ConfigurationProperties("reservas.tls")
public record TlsProperties(@DefaultValue("false") boolean required) {}
