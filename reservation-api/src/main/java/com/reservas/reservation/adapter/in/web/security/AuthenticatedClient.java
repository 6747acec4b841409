package com.reservas.reservation.adapter.in.web.security;

/**
 * The API client a request was authenticated as (the principal of its {@link
 * ApiKeyAuthentication}); reservations belong to it, and its {@link ClientQuota} limits it.
 * Controllers receive it with {@code @AuthenticationPrincipal}.
 */
public record AuthenticatedClient(String id, String name, ClientQuota quota) {}
