package com.reservas.provider.adapter.in.kafka;

import com.reservas.consumer.support.kafka.SnapshotReader;
import com.reservas.provider.domain.Driver;
import com.reservas.provider.domain.ReservationSnapshot;
import com.reservas.provider.domain.Stop;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/** Reads what this consumer needs of the Avro reservation snapshot into its domain's snapshot. */
public final class ReservationSnapshotReader implements SnapshotReader<ReservationSnapshot> {

  /**
   * @throws MalformedReservationEventException when the snapshot carries unreadable data
   */
  @Override
  public ReservationSnapshot read(com.reservas.schemas.avro.ReservationSnapshot reservation) {
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
