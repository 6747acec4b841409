package com.reservas.consumer.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.consumer.support.kafka.IncomingEvent;
import com.reservas.consumer.support.kafka.OutcomeEvents;
import com.reservas.consumer.support.testapp.Reservations;
import com.reservas.schemas.avro.EventMetadata;
import com.reservas.schemas.avro.PaymentAuthorized;
import com.reservas.schemas.avro.Price;
import com.reservas.schemas.avro.ReservationCreated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class OutcomeEventsTest {

  @Test
  void theSameInputOperationAndOutcomeAlwaysGiveTheSameIdAndAnyDifferenceAnotherOne() {
    String id = OutcomeEvents.outcomeEventId("e-1", "authorize", "PaymentAuthorized");

    assertThat(OutcomeEvents.outcomeEventId("e-1", "authorize", "PaymentAuthorized")).isEqualTo(id);
    assertThat(OutcomeEvents.outcomeEventId("e-2", "authorize", "PaymentAuthorized"))
        .isNotEqualTo(id);
    assertThat(OutcomeEvents.outcomeEventId("e-1", "capture", "PaymentAuthorized"))
        .isNotEqualTo(id);
    assertThat(OutcomeEvents.outcomeEventId("e-1", "authorize", "PaymentDeclined"))
        .isNotEqualTo(id);
  }

  @Test
  void anIncomingEventPrefersItsHeadersAndFallsBackOnItsMetadata() {
    ReservationCreated created = Reservations.created("K7P2QX9A", "ok");
    ConsumerRecord<String, SpecificRecord> withoutHeaders =
        new ConsumerRecord<>("reservations.events", 0, 7, "K7P2QX9A", created);
    ConsumerRecord<String, SpecificRecord> withHeaders =
        new ConsumerRecord<>("reservations.events", 0, 8, "K7P2QX9A", created);
    withHeaders.headers().add("eventId", "from-header".getBytes(StandardCharsets.UTF_8));
    withHeaders.headers().add("traceparent", "00-aa-bb-01".getBytes(StandardCharsets.UTF_8));

    IncomingEvent fromMetadata = IncomingEvent.from(withoutHeaders);
    IncomingEvent fromHeaders = IncomingEvent.from(withHeaders);

    assertThat(fromMetadata.eventId()).isEqualTo(created.getMetadata().getEventId());
    assertThat(fromMetadata.eventType()).isEqualTo("ReservationCreated");
    assertThat(fromMetadata.traceparent()).isEqualTo(created.getMetadata().getTraceparent());
    assertThat(fromHeaders.eventId()).isEqualTo("from-header");
    assertThat(fromHeaders.traceparent()).isEqualTo("00-aa-bb-01");

    EventMetadata metadata =
        OutcomeEvents.metadata(fromHeaders, "authorize", PaymentAuthorized.class, Instant.EPOCH);
    assertThat(metadata.getEventId())
        .isEqualTo(OutcomeEvents.outcomeEventId("from-header", "authorize", "PaymentAuthorized"));
    assertThat(metadata.getEventType()).isEqualTo("PaymentAuthorized");
    assertThat(metadata.getTraceparent()).isEqualTo("00-aa-bb-01");
  }

  @Test
  void aRecordWithoutMetadataIsRefused() {
    Price price = Price.newBuilder().setAmount("1.00").setCurrency("EUR").build();

    assertThat(OutcomeEvents.findMetadata(price)).isEmpty();
    assertThatThrownBy(() -> OutcomeEvents.metadataOf(price))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Price");
  }
}
