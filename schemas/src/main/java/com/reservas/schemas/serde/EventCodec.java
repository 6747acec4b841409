package com.reservas.schemas.serde;

import com.reservas.schemas.EventCatalog;
import com.reservas.schemas.registry.SchemaRegistries;
import com.reservas.schemas.registry.SchemaRegistry;
import com.reservas.schemas.registry.SchemaRegistryException;
import com.reservas.schemas.registry.SubjectNaming;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes events to and decodes them from the Confluent wire format: magic byte {@code 0}, the
 * writer schema's registry id as a 4-byte big-endian int, then the Avro binary body. The outbox
 * writer stores these bytes as the outbox payload, the relay publishes them unchanged, and the
 * Kafka serde delegate to this class, so every path produces the same bytes. Schemas are registered
 * under the TopicRecordNameStrategy subject. Decoding reads into the generated class of the
 * writer's record name with that class's current schema, so older and newer writers are read by the
 * usual Avro schema resolution. Thread-safe.
 */
public final class EventCodec {

  /** First byte of every framed message. */
  public static final byte MAGIC_BYTE = 0;

  /** Bytes before the Avro body: the magic byte and the 4-byte schema id. */
  public static final int HEADER_LENGTH = 1 + Integer.BYTES;

  private final SchemaRegistry registry;
  private final SpecificData catalogData = new CatalogSpecificData();
  private final ConcurrentMap<Schema, DatumWriter<SpecificRecord>> writersBySchema =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<Integer, DatumReader<SpecificRecord>> readersBySchemaId =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<SubjectSchema, Integer> schemaIds = new ConcurrentHashMap<>();

  /** A codec that registers and looks up schemas in {@code registry}. */
  public EventCodec(SchemaRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * A codec on the registry named by {@code props} (see {@link SchemaRegistries#fromConfig}).
   *
   * @throws IllegalArgumentException if the registry configuration is invalid
   */
  public static EventCodec fromConfig(Map<String, ?> props) {
    return new EventCodec(SchemaRegistries.fromConfig(props));
  }

  /**
   * Frames {@code record} for {@code topic}, registering its schema under {@code <topic>-<record
   * full name>} if needed.
   *
   * @throws EventCodecException if the schema cannot be registered or the record not written
   */
  public byte[] encode(String topic, SpecificRecord record) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(record, "record");
    Schema schema = record.getSchema();
    int schemaId = schemaIdFor(topic, schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(MAGIC_BYTE);
    out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(schemaId).array());
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      writerFor(record).write(record, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new EventCodecException(
          "Cannot write " + schema.getFullName() + " as Avro: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * Whether {@link #encode} can frame a record of {@code schema} for {@code topic} from memory. The
   * first encoding of a schema asks the registry, which may be a remote server: callers on an event
   * loop use this to move that first call to a thread that may block.
   */
  public boolean knowsSchemaId(String topic, Schema schema) {
    return schemaIds.containsKey(new SubjectSchema(topic, schema));
  }

  /**
   * Registers the schema of every event type of {@code topic} (see {@link EventCatalog}), so that
   * encoding them later needs no registry call. Blocks while the registry answers.
   *
   * @throws EventCodecException if a schema cannot be registered
   */
  public void registerSchemasOf(String topic) {
    for (Class<? extends SpecificRecord> eventType : EventCatalog.eventTypes(topic)) {
      schemaIdFor(topic, SpecificData.get().getSchema(eventType));
    }
  }

  private int schemaIdFor(String topic, Schema schema) {
    return schemaIds.computeIfAbsent(
        new SubjectSchema(topic, schema), key -> registered(topic, schema));
  }

  private int registered(String topic, Schema schema) {
    try {
      return registry.register(SubjectNaming.topicRecordName(topic, schema), schema);
    } catch (SchemaRegistryException e) {
      throw new EventCodecException(
          "Cannot encode " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Reads a framed event into its generated class.
   *
   * @throws EventCodecException on a bad magic byte, an unknown schema id, a record this module has
   *     no class for, or a body that does not match the writer schema
   */
  public SpecificRecord decode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length < HEADER_LENGTH) {
      throw new EventCodecException(
          "Cannot decode event: "
              + bytes.length
              + " bytes is shorter than the 5-byte Confluent header (magic byte 0 + schema id)");
    }
    if (bytes[0] != MAGIC_BYTE) {
      throw new EventCodecException(
          String.format(
              "Cannot decode event: unknown magic byte 0x%02x, expected 0x00 (Confluent wire"
                  + " format: magic byte, 4-byte schema id, Avro binary)",
              bytes[0]));
    }
    int schemaId = ByteBuffer.wrap(bytes, 1, Integer.BYTES).getInt();
    DatumReader<SpecificRecord> reader =
        readersBySchemaId.computeIfAbsent(schemaId, this::readerFor);
    BinaryDecoder decoder =
        DecoderFactory.get()
            .binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, null);
    try {
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new EventCodecException(
          "Cannot decode event with schema id "
              + schemaId
              + ": the body does not match its writer schema: "
              + e,
          e);
    }
  }

  private DatumWriter<SpecificRecord> writerFor(SpecificRecord record) {
    return writersBySchema.computeIfAbsent(
        record.getSchema(),
        schema -> new SpecificDatumWriter<>(schema, SpecificData.getForClass(record.getClass())));
  }

  private DatumReader<SpecificRecord> readerFor(int schemaId) {
    Schema writerSchema;
    try {
      writerSchema = registry.schemaById(schemaId);
    } catch (SchemaRegistryException e) {
      throw new EventCodecException(
          "Cannot decode event: unknown schema id " + schemaId + ": " + e.getMessage(), e);
    }
    Class<? extends SpecificRecord> recordClass =
        EventCatalog.recordClass(writerSchema.getFullName())
            .orElseThrow(
                () ->
                    new EventCodecException(
                        "Cannot decode event with schema id "
                            + schemaId
                            + ": "
                            + writerSchema.getFullName()
                            + " is not a record of this schemas module (written by a newer one?)"));
    Schema readerSchema = catalogData.getSchema(recordClass);
    return new SpecificDatumReader<>(writerSchema, readerSchema, catalogData);
  }

  /** A schema as written to one topic: the key of a registered id. */
  private record SubjectSchema(String topic, Schema schema) {}
}
