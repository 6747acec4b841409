-- Per-client request quotas (issue 13; docs/SECURITY.md, "Rate limits"): creations and reads per
-- second, counted over all of a client's addresses, in addition to the per-address limits.
-- NULL means the configured default (reservas.rate-limit.client-quota.*), so changing the default
-- changes every client that was not given its own quota.
ALTER TABLE api_client
  ADD COLUMN creations_per_second INT NULL,
  ADD COLUMN reads_per_second INT NULL;
