package com.reservas.schemas.registry;

import java.util.OptionalInt;

/**
 * A schema could not be registered or looked up. Unchecked: callers (serializers, the outbox
 * writer) cannot recover locally and let it fail the operation. Carries the registry's error code
 * (e.g. 40403 schema not found, 409 incompatible) when the registry sent one.
 */
public class SchemaRegistryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Integer errorCode;

  /** A failure without a registry error code. */
  public SchemaRegistryException(String message) {
    this(message, null, null);
  }

  /** A failure caused by another exception (I/O, timeout, bad answer). */
  public SchemaRegistryException(String message, Throwable cause) {
    this(message, null, cause);
  }

  /** A failure the registry reported with an error code. */
  public SchemaRegistryException(String message, int errorCode) {
    this(message, Integer.valueOf(errorCode), null);
  }

  private SchemaRegistryException(String message, Integer errorCode, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  /** The registry's {@code error_code}, if it sent one. */
  public OptionalInt errorCode() {
    return errorCode == null ? OptionalInt.empty() : OptionalInt.of(errorCode);
  }
}
