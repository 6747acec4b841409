package com.reservas.reservation.adapter.out.persistence;

import com.reservas.reservation.application.port.out.ReservationEventOutbox;
import com.reservas.reservation.domain.ReservationEvent;
import com.reservas.schemas.Topics;
import com.reservas.schemas.seal.TokenSeal;
import com.reservas.schemas.serde.EventCodec;
import org.apache.avro.specific.SpecificRecord;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes reservation events to the outbox table as the exact bytes Kafka will carry (Confluent
 * framing + Avro). The row is inserted and deleted in the same transaction, as Debezium recommends:
 * the binlog keeps the insert for the relay, the table never grows.
 */
public final class R2dbcReservationEventOutbox implements ReservationEventOutbox {

  private final OutboxWriter writer;
  private final EventCodec codec;
  private final ReservationEventAvroMapper mapper;

  public R2dbcReservationEventOutbox(OutboxWriter writer, EventCodec codec, TokenSeal tokenSeal) {
    this.writer = writer;
    this.codec = codec;
    this.mapper = new ReservationEventAvroMapper(tokenSeal);
  }

  @Override
  public Mono<Void> append(ReservationEvent event, String traceparent) {
    SpecificRecord record = mapper.toAvro(event, traceparent);
    Mono<byte[]> payload = Mono.fromCallable(() -> codec.encode(Topics.RESERVATIONS, record));
    if (!codec.knowsSchemaId(Topics.RESERVATIONS, record.getSchema())) {
      // Appends run on the database driver's event loop; a registry call there stalls every
      // connection the loop serves, so the first event of a schema is encoded where it may block.
      payload = payload.subscribeOn(Schedulers.boundedElastic());
    }
    return payload.flatMap(
        bytes ->
            writer.write(
                new OutboxWriter.OutboxRow(
                    event.eventId(),
                    Topics.RESERVATIONS,
                    event.reservation().code().value(),
                    record.getSchema().getName(),
                    bytes,
                    traceparent)));
  }
}
