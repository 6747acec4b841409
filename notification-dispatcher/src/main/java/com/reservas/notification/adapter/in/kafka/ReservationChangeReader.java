package com.reservas.notification.adapter.in.kafka;

import com.reservas.consumer.support.kafka.SnapshotReader;
import com.reservas.notification.domain.ReservationChange;
import com.reservas.schemas.avro.ReservationSnapshot;

/** Reads the statuses of the Avro snapshot; nothing personal is read. */
public final class ReservationChangeReader implements SnapshotReader<ReservationChange> {

  @Override
  public ReservationChange read(ReservationSnapshot snapshot) {
    return new ReservationChange(
        snapshot.getCode(),
        snapshot.getClientId(),
        snapshot.getStatus(),
        snapshot.getPaymentStatus(),
        snapshot.getSupplierStatus(),
        snapshot.getUpdatedAt(),
        snapshot.getCancellationReason(),
        snapshot.getVersion());
  }
}
