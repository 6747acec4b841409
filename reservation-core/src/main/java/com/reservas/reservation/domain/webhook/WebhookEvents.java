package com.reservas.reservation.domain.webhook;

import java.util.Set;

/** The event types a webhook endpoint can subscribe to. */
public final class WebhookEvents {

  /** A reservation's status or one of its sub-statuses changed. */
  public static final String STATUS_CHANGED = "reservation.status_changed";

  /** Every type an endpoint may name. */
  public static final Set<String> ALL = Set.of(STATUS_CHANGED);

  private WebhookEvents() {}
}
