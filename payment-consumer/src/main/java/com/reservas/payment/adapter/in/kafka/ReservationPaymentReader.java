package com.reservas.payment.adapter.in.kafka;

import com.reservas.consumer.support.kafka.NonRetryableEventException;
import com.reservas.consumer.support.kafka.SnapshotReader;
import com.reservas.payment.domain.ReservationPayment;
import com.reservas.schemas.avro.ReservationSnapshot;
import com.reservas.schemas.seal.TokenSeal;
import com.reservas.schemas.seal.TokenSealException;
import java.util.Objects;

/**
 * Reads what the payment consumer needs of a reservation snapshot, opening the sealed
 * payment-method token. A token that does not open never will: the event is a dead letter.
 */
public final class ReservationPaymentReader implements SnapshotReader<ReservationPayment> {

  private final TokenSeal tokenSeal;

  /** A reader opening sealed tokens with {@code tokenSeal}. */
  public ReservationPaymentReader(TokenSeal tokenSeal) {
    this.tokenSeal = Objects.requireNonNull(tokenSeal, "tokenSeal");
  }

  @Override
  public ReservationPayment read(ReservationSnapshot snapshot) {
    return new ReservationPayment(
        snapshot.getCode(),
        snapshot.getStatus(),
        snapshot.getPaymentStatus(),
        snapshot.getPrice().getAmount(),
        snapshot.getPrice().getCurrency(),
        paymentMethodToken(snapshot),
        snapshot.getPaymentIntentId());
  }

  /**
   * The token, opened from its seal; events written before the seal existed (v1, still in the topic
   * during an upgrade) carry it in the clear.
   */
  private String paymentMethodToken(ReservationSnapshot snapshot) {
    String sealed = snapshot.getSealedPaymentMethodToken();
    if (sealed == null) {
      return snapshot.getPaymentMethodToken();
    }
    try {
      return tokenSeal.open(snapshot.getCode(), sealed);
    } catch (TokenSealException e) {
      throw new NonRetryableEventException(e.getMessage(), e);
    }
  }
}
