package com.reservas.supplier.simulator.stats;

/**
 * What the simulated supplier has done since it started (or was last reset), so that tests and
 * demos can check, for instance, that retries with the same request id never made a second booking.
 *
 * @param bookingAttempts booking requests received, including replays and requests answered with an
 *     injected fault
 * @param bookingsMade bookings confirmed for the first time (replays not counted)
 * @param rejections booking requests rejected for the first time (replays not counted)
 * @param cancellations bookings moved to {@code CANCELLED} (repeated cancellations not counted)
 * @param faultsInjected requests answered with an injected fault instead of the real answer
 * @param idempotentReplays booking requests answered with a stored answer for their request id
 */
public record SupplierStats(
    long bookingAttempts,
    long bookingsMade,
    long rejections,
    long cancellations,
    long faultsInjected,
    long idempotentReplays) {}
