package com.reservas.notification.application;

import com.reservas.notification.domain.ReservationChange;

/** A change one endpoint is to hear of: the step's outcome, recorded as a due delivery. */
public record WebhookNotice(String endpointId, ReservationChange change) {}
