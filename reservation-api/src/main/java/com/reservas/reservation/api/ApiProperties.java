package com.reservas.reservation.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the reservation API.
 *
 * @param maxCodeAttempts how many random codes to try before giving up on a create (collisions are
 *     astronomically rare; more than one retry means something is wrong)
 */
@Validated
@ConfigurationProperties("reservas.api")
public record ApiProperties(@DefaultValue("5") @Min(1) @Max(20) int maxCodeAttempts) {}
