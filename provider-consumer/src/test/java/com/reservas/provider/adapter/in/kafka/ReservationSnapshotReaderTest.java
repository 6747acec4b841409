package com.reservas.provider.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.consumer.support.loop.UnprocessableEventException;
import com.reservas.provider.ReservationEvents;
import com.reservas.provider.Reservations;
import com.reservas.schemas.avro.ReservationCancelled;
import com.reservas.schemas.avro.ReservationStatusChanged;
import org.junit.jupiter.api.Test;

class ReservationSnapshotReaderTest {

  private final ReservationSnapshotReader reader = new ReservationSnapshotReader();

  @Test
  void aStatusChangeIsReadIntoTheSnapshotThisConsumerNeeds() {
    ReservationStatusChanged paid = ReservationEvents.paid("K7P2QX9A", "AGP-AIRPORT");

    assertThat(reader.read(paid.getReservation()))
        .isEqualTo(Reservations.paid("K7P2QX9A", "AGP-AIRPORT"));
  }

  @Test
  void aCancellationCarriesTheBookingReference() {
    ReservationCancelled cancelled =
        ReservationEvents.cancelledAfterConfirmation("K7P2QX9A", "AGP-AIRPORT", "SB7K2P9QXA");

    assertThat(reader.read(cancelled.getReservation()))
        .isEqualTo(
            Reservations.cancelledAfterConfirmation("K7P2QX9A", "AGP-AIRPORT", "SB7K2P9QXA"));
  }

  @Test
  void aSnapshotWithAnUnreadableDateIsMalformedAndNeverRetried() {
    ReservationStatusChanged paid = ReservationEvents.paid("K7P2QX9A", "AGP-AIRPORT");
    paid.getReservation().getPickup().setAt("10/03/2027 09:30");

    assertThatThrownBy(() -> reader.read(paid.getReservation()))
        .isInstanceOf(MalformedReservationEventException.class)
        .isInstanceOf(UnprocessableEventException.class)
        .hasMessageContaining("K7P2QX9A");
  }
}
