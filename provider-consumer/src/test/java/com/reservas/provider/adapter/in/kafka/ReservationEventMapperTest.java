package com.reservas.provider.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.consumer.support.kafka.IncomingEvent;
import com.reservas.provider.ReservationEvents;
import com.reservas.provider.Reservations;
import com.reservas.provider.application.port.in.ReservationEventReceived;
import com.reservas.schemas.avro.PaymentAuthorized;
import com.reservas.schemas.avro.ReservationCancelled;
import com.reservas.schemas.avro.ReservationStatusChanged;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ReservationEventMapperTest {

  @Test
  void aStatusChangeIsReadWithItsIdentityAndSnapshot() {
    ReservationStatusChanged paid = ReservationEvents.paid("K7P2QX9A", "AGP-AIRPORT");

    ReservationEventReceived received =
        ReservationEventMapper.toReceived(incoming(paid)).orElseThrow();

    assertThat(received.eventId()).isEqualTo(paid.getMetadata().getEventId());
    assertThat(received.eventType()).isEqualTo("ReservationStatusChanged");
    assertThat(received.traceparent()).startsWith("00-4bf92f35");
    assertThat(received.reservation()).isEqualTo(Reservations.paid("K7P2QX9A", "AGP-AIRPORT"));
  }

  @Test
  void aCancellationCarriesTheBookingReference() {
    ReservationCancelled cancelled =
        ReservationEvents.cancelledAfterConfirmation("K7P2QX9A", "AGP-AIRPORT", "SB7K2P9QXA");

    ReservationEventReceived received =
        ReservationEventMapper.toReceived(incoming(cancelled)).orElseThrow();

    assertThat(received.reservation())
        .isEqualTo(
            Reservations.cancelledAfterConfirmation("K7P2QX9A", "AGP-AIRPORT", "SB7K2P9QXA"));
  }

  @Test
  void aRecordThatIsNotAReservationEventIsNotForThisConsumer() {
    assertThat(ReservationEventMapper.toReceived(incoming(new PaymentAuthorized()))).isEmpty();
  }

  @Test
  void aSnapshotWithAnUnreadableDateIsMalformed() {
    ReservationStatusChanged paid = ReservationEvents.paid("K7P2QX9A", "AGP-AIRPORT");
    paid.getReservation().getPickup().setAt("10/03/2027 09:30");

    assertThatThrownBy(() -> ReservationEventMapper.toReceived(incoming(paid)))
        .isInstanceOf(MalformedReservationEventException.class)
        .hasMessageContaining("K7P2QX9A");
  }

  private static IncomingEvent incoming(SpecificRecord event) {
    return IncomingEvent.from(
        new ConsumerRecord<>("reservations.events", 0, 0L, "K7P2QX9A", event));
  }
}
