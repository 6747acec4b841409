package com.reservas.provider.application.port.out;

import com.reservas.provider.application.port.in.ReservationEventReceived;
import com.reservas.provider.domain.SupplierOutcome;
import reactor.core.publisher.Mono;

/**
 * Tells the platform what the supplier answered. Completes once the outcome is durably published.
 * Publishing the same outcome for the same reservation again must be recognisable as a duplicate
 * (the same event id).
 */
public interface SupplierOutcomePublisher {

  Mono<Void> publish(SupplierOutcome outcome, ReservationEventReceived cause);
}
