package com.reservas.reservation.adapter.in.web.security;

/**
 * How many requests an API client may make per second (per {@code
 * reservas.rate-limit.client-quota.period}), counted over all its addresses: creations ({@code POST
 * /api/v1/reservations}) and reads (reservations and the catalogue). Stored with the client; a
 * client without its own quota has the configured default (docs/SECURITY.md).
 *
 * @param creationsPerSecond creations per period
 * @param readsPerSecond reads per period
 */
public record ClientQuota(int creationsPerSecond, int readsPerSecond) {

  /** The largest quota an operator may give: beyond it the per-instance limiters mean nothing. */
  public static final int MAX = 10_000;

  public ClientQuota {
    if (creationsPerSecond < 1 || creationsPerSecond > MAX) {
      throw new IllegalArgumentException("creationsPerSecond must be 1 to " + MAX);
    }
    if (readsPerSecond < 1 || readsPerSecond > MAX) {
      throw new IllegalArgumentException("readsPerSecond must be 1 to " + MAX);
    }
  }

  /** The stored quota where there is one, the default where not. */
  public static ClientQuota of(Integer creations, Integer reads, ClientQuota defaults) {
    return new ClientQuota(
        creations == null ? defaults.creationsPerSecond() : creations,
        reads == null ? defaults.readsPerSecond() : reads);
  }
}
