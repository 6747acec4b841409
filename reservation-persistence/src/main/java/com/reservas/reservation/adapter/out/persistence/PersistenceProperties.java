package com.reservas.reservation.adapter.out.persistence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reservation persistence adapter.
 *
 * @param keepOutboxRows leave outbox rows in the table instead of deleting them in the same
 *     transaction (only for inspection in tests; the relay reads the binlog either way)
 * @param referenceDataCache how long the catalogue is cached
 */
@ConfigurationProperties("reservas.persistence")
public record PersistenceProperties(
    @DefaultValue("false") boolean keepOutboxRows,
    @DefaultValue("5m") Duration referenceDataCache) {}
