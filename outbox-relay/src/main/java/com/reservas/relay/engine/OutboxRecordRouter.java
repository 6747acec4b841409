package com.reservas.relay.engine;

import io.debezium.transforms.outbox.EventRouter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns one Debezium change record of the outbox table into what the relay does with it: publish an
 * event, ignore it, count a heartbeat, or treat it as an invalid row. Inserts go through Debezium's
 * Outbox Event Router (the same SMT and settings a Kafka Connect deployment uses): topic = {@code
 * aggregate_type}, key = {@code aggregate_id}, value = the {@code payload} bytes unchanged, headers
 * {@code eventId}, {@code eventType} and {@code traceparent}. Not thread-safe (the engine hands
 * batches over one at a time).
 */
public final class OutboxRecordRouter implements AutoCloseable {

  /** Kafka header names. */
  public static final String EVENT_ID_HEADER = "eventId";

  public static final String EVENT_TYPE_HEADER = "eventType";
  public static final String TRACEPARENT_HEADER = "traceparent";

  /** Headers added to dead-lettered rows. */
  public static final String INVALID_REASON_HEADER = "invalidReason";

  public static final String ORIGINAL_TOPIC_HEADER = "originalAggregateType";

  /** The Outbox Event Router's own event-id header; ours is {@code eventId}. */
  private static final String ROUTER_ID_HEADER = "id";

  private static final String CREATED_AT = "created_at";

  /** The router's settings for our {@code outbox_event} columns. */
  public static Map<String, String> eventRouterConfig() {
    return Map.of(
        "table.field.event.id", "id",
        "table.field.event.key", "aggregate_id",
        "table.field.event.type", "event_type",
        "table.field.event.payload", "payload",
        "route.by.field", "aggregate_type",
        "route.topic.replacement", "${routedByValue}",
        "table.fields.additional.placement",
            "id:header:"
                + EVENT_ID_HEADER
                + ",event_type:header:"
                + EVENT_TYPE_HEADER
                + ",traceparent:header:"
                + TRACEPARENT_HEADER,
        "table.op.invalid.behavior", "warn");
  }

  private final EventRouter<SourceRecord> eventRouter = new EventRouter<>();
  private final Set<String> topics;

  public OutboxRecordRouter(Set<String> topics) {
    this.topics = Set.copyOf(topics);
    eventRouter.configure(eventRouterConfig());
  }

  /** What to do with one change record. */
  public sealed interface Routing {}

  /** A Debezium heartbeat: the engine is alive and reading the binlog. */
  public record Heartbeat() implements Routing {}

  /** Nothing to publish (the delete of an insert+delete pair, a tombstone, another record). */
  public record Ignored(String why) implements Routing {}

  /** An event to publish. */
  public record Publish(OutboxEvent event) implements Routing {}

  /**
   * A row the relay cannot publish as an event.
   *
   * @param event the event as routed (an unknown aggregate type), or {@code null} for an update
   */
  public record Invalid(InvalidRowReason reason, String detail, OutboxEvent event)
      implements Routing {}

  /** Why a row is invalid. */
  public enum InvalidRowReason {
    UNKNOWN_AGGREGATE_TYPE("unknown-aggregate-type"),
    UPDATE("update"),
    /** Kafka can never accept the record (larger than the producer's or the broker's limit). */
    TOO_LARGE("too-large");

    private final String tag;

    InvalidRowReason(String tag) {
      this.tag = tag;
    }

    public String tag() {
      return tag;
    }
  }

  /**
   * One outbox row as a Kafka record.
   *
   * @param createdAtMicros the row's {@code created_at} (epoch microseconds, UTC), or {@code null}
   */
  public record OutboxEvent(
      String topic,
      String key,
      byte[] value,
      List<Header> headers,
      String eventId,
      String eventType,
      Long createdAtMicros) {}

  public Routing route(SourceRecord record) {
    if (record.topic() != null
        && record.topic().startsWith(DebeziumConfig.HEARTBEAT_TOPIC_PREFIX)) {
      return new Heartbeat();
    }
    if (record.value() == null) {
      return new Ignored("tombstone");
    }
    if (!(record.value() instanceof Struct envelope) || envelope.schema().field("op") == null) {
      return new Ignored("not a row change, topic " + record.topic());
    }
    String op = envelope.getString("op");
    switch (op) {
      case "d":
        return new Ignored("delete");
      case "u":
        return update(envelope);
      case "c":
      case "r":
        break;
      default:
        return new Ignored("operation " + op);
    }
    SourceRecord routed = eventRouter.apply(record);
    if (routed == null) {
      return new Ignored("dropped by the outbox event router");
    }
    OutboxEvent event = toEvent(routed, envelope.getStruct("after"));
    if (!topics.contains(event.topic())) {
      return new Invalid(
          InvalidRowReason.UNKNOWN_AGGREGATE_TYPE,
          "unknown aggregate type '"
              + event.topic()
              + "' (not one of "
              + topics.stream().sorted().toList()
              + ") in outbox row "
              + event.eventId(),
          event);
    }
    return new Publish(event);
  }

  private static Invalid update(Struct envelope) {
    Struct after = envelope.getStruct("after");
    String id = after == null ? "?" : String.valueOf(after.get("id"));
    String type = after == null ? "?" : String.valueOf(after.get("aggregate_type"));
    return new Invalid(
        InvalidRowReason.UPDATE,
        "UPDATE of outbox row "
            + id
            + " (aggregate type '"
            + type
            + "'): outbox rows are only inserted (and deleted)",
        null);
  }

  private static OutboxEvent toEvent(SourceRecord routed, Struct after) {
    List<Header> headers = new ArrayList<>(3);
    String eventId = null;
    String eventType = null;
    for (org.apache.kafka.connect.header.Header header : routed.headers()) {
      if (ROUTER_ID_HEADER.equals(header.key()) || header.value() == null) {
        continue;
      }
      String value = String.valueOf(header.value());
      headers.add(new RecordHeader(header.key(), value.getBytes(StandardCharsets.UTF_8)));
      if (EVENT_ID_HEADER.equals(header.key())) {
        eventId = value;
      } else if (EVENT_TYPE_HEADER.equals(header.key())) {
        eventType = value;
      }
    }
    Long createdAt = null;
    if (after != null && after.schema().field(CREATED_AT) != null) {
      Object value = after.get(CREATED_AT);
      createdAt = value instanceof Long micros ? micros : null;
    }
    return new OutboxEvent(
        routed.topic(),
        routed.key() == null ? null : routed.key().toString(),
        bytes(routed.value()),
        List.copyOf(headers),
        eventId,
        eventType,
        createdAt);
  }

  private static byte[] bytes(Object value) {
    if (value instanceof byte[] array) {
      return array;
    }
    if (value instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      byte[] array = new byte[copy.remaining()];
      copy.get(array);
      return array;
    }
    throw new IllegalStateException(
        "Outbox payload is not binary but "
            + Objects.toString(value == null ? null : value.getClass().getName())
            + ": the payload column must be a BLOB");
  }

  @Override
  public void close() {
    eventRouter.close();
  }
}
