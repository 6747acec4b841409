package com.reservas.schemas.registry;

import com.reservas.schemas.EventCatalog;
import com.reservas.schemas.SchemaHistory;
import com.reservas.schemas.SchemaVersion;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * A schema registry without a server, for the one-machine run and tests. The API and the consumers
 * run as separate processes, each with its own instance, so ids cannot be handed out in order: an
 * id is derived from the schema itself (its Parsing Canonical Form fingerprint), and every schema
 * of this module, current and historical, is preloaded so that {@link #schemaById} resolves ids
 * written by another process.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {

  private final ToIntFunction<Schema> idFunction;
  private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final ConcurrentMap<Schema, Integer> idsBySchema = new ConcurrentHashMap<>();

  /** A registry preloaded with every current and historical schema of this module. */
  public InMemorySchemaRegistry() {
    this(InMemorySchemaRegistry::deterministicId, moduleSchemas());
  }

  /** A registry preloaded with the given schemas only. */
  public InMemorySchemaRegistry(Collection<Schema> preloaded) {
    this(InMemorySchemaRegistry::deterministicId, preloaded);
  }

  InMemorySchemaRegistry(ToIntFunction<Schema> idFunction, Collection<Schema> preloaded) {
    this.idFunction = idFunction;
    preloaded.forEach(this::add);
  }

  /**
   * The id every instance gives {@code schema}: the 64-bit Parsing Canonical Form fingerprint
   * folded to a non-negative 31-bit int. Schemas that differ only in docs, defaults or custom
   * attributes share an id, which is harmless because ids only identify the writer's layout.
   */
  public static int deterministicId(Schema schema) {
    long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
    return (int) ((fingerprint ^ (fingerprint >>> 32)) & Integer.MAX_VALUE);
  }

  @Override
  public int register(String subject, Schema schema) {
    return add(schema);
  }

  @Override
  public Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new SchemaRegistryException(
          "No schema with id "
              + id
              + " in the in-memory registry. It knows this module's schemas and those registered"
              + " in this process; was the message written by a newer or foreign producer?");
    }
    return schema;
  }

  private int add(Schema schema) {
    return idsBySchema.computeIfAbsent(schema, this::assignId);
  }

  private int assignId(Schema schema) {
    int id = idFunction.applyAsInt(schema);
    Schema existing = schemasById.putIfAbsent(id, schema);
    if (existing != null && !sameParsingForm(existing, schema)) {
      throw new SchemaRegistryException(
          "Schema id collision: "
              + schema.getFullName()
              + " and the already registered "
              + existing.getFullName()
              + " both get id "
              + id
              + " but are different schemas; rename or change one of them");
    }
    return id;
  }

  private static boolean sameParsingForm(Schema a, Schema b) {
    return SchemaNormalization.toParsingForm(a).equals(SchemaNormalization.toParsingForm(b));
  }

  private static Collection<Schema> moduleSchemas() {
    return Stream.concat(
            EventCatalog.recordSchemas().stream(),
            SchemaHistory.ofEventCatalog().allVersions().stream().map(SchemaVersion::schema))
        .toList();
  }
}
