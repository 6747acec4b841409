package com.reservas.schemas.serde;

/**
 * An event could not be encoded to or decoded from the Confluent wire format. Unchecked, with a
 * message naming the cause (bad magic byte, unknown schema id, no local class...), so a poison
 * message can be diagnosed from the log alone.
 */
public class EventCodecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure detected by the codec itself. */
  public EventCodecException(String message) {
    super(message);
  }

  /** A failure caused by the registry or by Avro. */
  public EventCodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
