package com.reservas.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.schemas.SampleEvents;
import com.reservas.schemas.Topics;
import com.reservas.schemas.avro.Customer;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.avro.ReservationSnapshot;
import com.reservas.schemas.registry.InMemorySchemaRegistry;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EventCodecPropertyTest {

  private static final long YEAR_2200_IN_MICROS = 7_258_118_400_000_000L;

  private final EventCodec producer = new EventCodec(new InMemorySchemaRegistry());
  private final EventCodec consumer = new EventCodec(new InMemorySchemaRegistry());

  @Property(tries = 300)
  void anyReservationSurvivesEncodingInOneProcessAndDecodingInAnother(
      @ForAll("reservations") ReservationCreated event) {
    byte[] bytes = producer.encode(Topics.RESERVATIONS, event);

    assertThat(consumer.decode(bytes)).isEqualTo(event);
  }

  @Provide
  Arbitrary<ReservationCreated> reservations() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40);
    Arbitrary<Instant> microsecondInstants =
        Arbitraries.longs()
            .between(0, YEAR_2200_IN_MICROS)
            .map(micros -> Instant.EPOCH.plusNanos(micros * 1_000));
    Arbitrary<Customer> customers =
        Combinators.combine(text, text, text, text).as(Customer::new).withoutEdgeCases();
    return Combinators.combine(
            customers,
            text.injectNull(0.3),
            text.injectNull(0.3),
            Arbitraries.longs().greaterOrEqual(0),
            microsecondInstants,
            microsecondInstants)
        .as(
            (customer, paymentIntentId, cancellationReason, version, createdAt, updatedAt) -> {
              ReservationSnapshot snapshot =
                  ReservationSnapshot.newBuilder(
                          SampleEvents.snapshot("CREATED", "PENDING", "PENDING"))
                      .setCustomer(customer)
                      .setPaymentIntentId(paymentIntentId)
                      .setCancellationReason(cancellationReason)
                      .setVersion(version)
                      .setCreatedAt(createdAt)
                      .setUpdatedAt(updatedAt)
                      .build();
              return new ReservationCreated(SampleEvents.metadata("ReservationCreated"), snapshot);
            });
  }
}
