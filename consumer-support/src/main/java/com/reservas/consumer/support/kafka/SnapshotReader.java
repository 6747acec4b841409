package com.reservas.consumer.support.kafka;

import com.reservas.schemas.avro.ReservationSnapshot;

/**
 * Reads the reservation snapshot of an event into what one consumer needs of it, so its domain
 * never sees Avro.
 *
 * @param <R> the consumer's reading of a snapshot
 */
@FunctionalInterface
public interface SnapshotReader<R> {

  /**
   * The consumer's reading of {@code snapshot}.
   *
   * @throws com.reservas.consumer.support.loop.UnprocessableEventException if it cannot be read (an
   *     unparsable date, a token that does not open): the record goes to the dead-letter topic
   */
  R read(ReservationSnapshot snapshot);
}
