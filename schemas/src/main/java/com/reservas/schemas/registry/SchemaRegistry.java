package com.reservas.schemas.registry;

import org.apache.avro.Schema;

/**
 * Maps Avro schemas to the numeric ids written in front of every Kafka message (Confluent wire
 * format), so a consumer can find the schema a message was written with. One interface for the HTTP
 * registry of deployments and the in-memory registry of the one-machine run and the tests.
 * Implementations are thread-safe.
 */
public interface SchemaRegistry {

  /**
   * Registers {@code schema} under {@code subject} (or finds it already registered) and returns its
   * id.
   *
   * @throws SchemaRegistryException if the registry refuses the schema or cannot be reached
   */
  int register(String subject, Schema schema);

  /**
   * The schema with this id.
   *
   * @throws SchemaRegistryException if no schema has this id or the registry cannot be reached
   */
  Schema schemaById(int id);
}
