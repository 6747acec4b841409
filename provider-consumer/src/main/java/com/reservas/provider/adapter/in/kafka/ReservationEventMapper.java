package com.reservas.provider.adapter.in.kafka;

import com.reservas.consumer.support.kafka.IncomingEvent;
import com.reservas.provider.application.port.in.ReservationEventReceived;
import com.reservas.provider.domain.Driver;
import com.reservas.provider.domain.ReservationSnapshot;
import com.reservas.provider.domain.Stop;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the reservation events of {@code reservations.events} into what the use case needs: the
 * event's identity and the reservation snapshot. Other records on the topic (added later) are not
 * for this consumer.
 */
final class ReservationEventMapper {

  private ReservationEventMapper() {}

  /**
   * The event, or empty when its record is not a reservation event (another type added to the topic
   * later, or a tombstone). Identity and trace context come from {@code incoming} (headers first,
   * then the event's metadata).
   *
   * @throws MalformedReservationEventException when a reservation event carries unreadable data
   */
  static Optional<ReservationEventReceived> toReceived(IncomingEvent incoming) {
    return incoming
        .reservation()
        .map(
            reservation ->
                new ReservationEventReceived(
                    incoming.eventId(),
                    incoming.eventType(),
                    incoming.traceparent(),
                    snapshot(reservation),
                    incoming.isReminder()));
  }

  static ReservationSnapshot snapshot(com.reservas.schemas.avro.ReservationSnapshot reservation) {
    try {
      return new ReservationSnapshot(
          reservation.getCode(),
          reservation.getStatus(),
          reservation.getSupplierStatus(),
          reservation.getVehicle().getSupplierCode(),
          reservation.getVehicle().getCategoryCode(),
          stop(reservation.getPickup()),
          stop(reservation.getDropoff()),
          new Driver(
              reservation.getCustomer().getFirstName(), reservation.getCustomer().getLastName()),
          reservation.getSupplierBookingReference(),
          reservation.getVersion());
    } catch (DateTimeParseException | NullPointerException e) {
      throw new MalformedReservationEventException(
          "Reservation " + reservation.getCode() + ": unreadable snapshot (" + e.getMessage() + ")",
          e);
    }
  }

  private static Stop stop(com.reservas.schemas.avro.Stop stop) {
    return new Stop(stop.getOfficeCode(), LocalDateTime.parse(stop.getAt()));
  }
}
