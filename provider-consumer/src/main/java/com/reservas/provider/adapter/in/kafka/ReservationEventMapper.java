package com.reservas.provider.adapter.in.kafka;

import com.reservas.consumer.support.kafka.IncomingEvent;
import com.reservas.provider.application.port.in.ReservationEventReceived;
import com.reservas.provider.domain.Driver;
import com.reservas.provider.domain.ReservationSnapshot;
import com.reservas.provider.domain.Stop;
import com.reservas.schemas.avro.ReservationCancelled;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.avro.ReservationStatusChanged;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

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
    return snapshotOf(incoming.payload())
        .map(
            reservation ->
                new ReservationEventReceived(
                    incoming.eventId(),
                    incoming.eventType(),
                    incoming.traceparent(),
                    snapshot(reservation),
                    isReminder(incoming.payload())));
  }

  /** The stuck-reservation policy re-announces a reservation as a change to the same status. */
  private static boolean isReminder(SpecificRecord payload) {
    return payload instanceof ReservationStatusChanged changed
        && changed.getPreviousStatus().equals(changed.getReservation().getStatus());
  }

  private static Optional<com.reservas.schemas.avro.ReservationSnapshot> snapshotOf(
      SpecificRecord payload) {
    if (payload instanceof ReservationCreated created) {
      return Optional.of(created.getReservation());
    }
    if (payload instanceof ReservationStatusChanged changed) {
      return Optional.of(changed.getReservation());
    }
    if (payload instanceof ReservationCancelled cancelled) {
      return Optional.of(cancelled.getReservation());
    }
    return Optional.empty();
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
