package com.reservas.schemas;

import com.reservas.schemas.avro.PaymentAuthorizationStarted;
import com.reservas.schemas.avro.PaymentAuthorized;
import com.reservas.schemas.avro.PaymentCaptured;
import com.reservas.schemas.avro.PaymentDeclined;
import com.reservas.schemas.avro.PaymentFailed;
import com.reservas.schemas.avro.PaymentOperationRefused;
import com.reservas.schemas.avro.PaymentRefunded;
import com.reservas.schemas.avro.PaymentVoided;
import com.reservas.schemas.avro.ReservationCancelled;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.avro.ReservationStatusChanged;
import com.reservas.schemas.avro.SupplierBookingCancelled;
import com.reservas.schemas.avro.SupplierBookingConfirmed;
import com.reservas.schemas.avro.SupplierBookingRejected;
import com.reservas.schemas.avro.SupplierCancellationRefused;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The event types this module publishes, grouped by topic, and every generated record class they
 * are built from. It is the single list that the in-memory registry preloads, the deserializer
 * resolves classes from and the compatibility check walks, so adding an event type is one line
 * here.
 */
public final class EventCatalog {

  private static final Map<String, List<Class<? extends SpecificRecord>>> EVENT_TYPES_BY_TOPIC =
      eventTypesByTopic();

  private static final Map<String, Class<? extends SpecificRecord>> RECORD_CLASSES_BY_FULL_NAME =
      recordClassesByFullName();

  private EventCatalog() {}

  /** The topics, in a stable order. */
  public static Set<String> topics() {
    return EVENT_TYPES_BY_TOPIC.keySet();
  }

  /**
   * The event types published to {@code topic}.
   *
   * @throws IllegalArgumentException if the topic is not one of {@link Topics}
   */
  public static List<Class<? extends SpecificRecord>> eventTypes(String topic) {
    List<Class<? extends SpecificRecord>> types = EVENT_TYPES_BY_TOPIC.get(topic);
    if (types == null) {
      throw new IllegalArgumentException(
          "Unknown topic '" + topic + "'; known topics: " + EVENT_TYPES_BY_TOPIC.keySet());
    }
    return types;
  }

  /**
   * The topic an event type is published to.
   *
   * @throws IllegalArgumentException if the class is not a top-level event of this catalog
   */
  public static String topicOf(Class<? extends SpecificRecord> eventType) {
    return EVENT_TYPES_BY_TOPIC.entrySet().stream()
        .filter(entry -> entry.getValue().contains(eventType))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    eventType.getName() + " is not an event type of the catalog"));
  }

  /** The schemas of all top-level event records (the records that are put on a topic). */
  public static List<Schema> eventSchemas() {
    return EVENT_TYPES_BY_TOPIC.values().stream()
        .flatMap(List::stream)
        .map(EventCatalog::schemaOf)
        .toList();
  }

  /** The classes of every generated record: the events and the records nested in them. */
  public static Collection<Class<? extends SpecificRecord>> recordClasses() {
    return RECORD_CLASSES_BY_FULL_NAME.values();
  }

  /** The schemas of every generated record: the events and the records nested in them. */
  public static List<Schema> recordSchemas() {
    return recordClasses().stream().map(EventCatalog::schemaOf).toList();
  }

  /** The generated class of the record with this full name, if it is one of this module's. */
  public static Optional<Class<? extends SpecificRecord>> recordClass(String fullName) {
    return Optional.ofNullable(RECORD_CLASSES_BY_FULL_NAME.get(fullName));
  }

  private static Schema schemaOf(Class<? extends SpecificRecord> recordClass) {
    return SpecificData.get().getSchema(recordClass);
  }

  private static Map<String, List<Class<? extends SpecificRecord>>> eventTypesByTopic() {
    Map<String, List<Class<? extends SpecificRecord>>> byTopic = new LinkedHashMap<>();
    byTopic.put(
        Topics.RESERVATIONS,
        List.of(
            ReservationCreated.class, ReservationStatusChanged.class, ReservationCancelled.class));
    byTopic.put(
        Topics.PAYMENTS,
        List.of(
            PaymentAuthorizationStarted.class,
            PaymentAuthorized.class,
            PaymentDeclined.class,
            PaymentFailed.class,
            PaymentCaptured.class,
            PaymentVoided.class,
            PaymentRefunded.class,
            PaymentOperationRefused.class));
    byTopic.put(
        Topics.SUPPLIERS,
        List.of(
            SupplierBookingConfirmed.class,
            SupplierBookingRejected.class,
            SupplierBookingCancelled.class,
            SupplierCancellationRefused.class));
    return Collections.unmodifiableMap(byTopic);
  }

  /** Walks every event schema and collects the classes of all records reachable from it. */
  private static Map<String, Class<? extends SpecificRecord>> recordClassesByFullName() {
    Map<String, Class<? extends SpecificRecord>> classes = new LinkedHashMap<>();
    Deque<Schema> toVisit = new ArrayDeque<>(eventSchemas());
    while (!toVisit.isEmpty()) {
      Schema schema = toVisit.pop();
      switch (schema.getType()) {
        case RECORD -> {
          if (!classes.containsKey(schema.getFullName())) {
            classes.put(schema.getFullName(), generatedClass(schema));
            schema.getFields().forEach(field -> toVisit.push(field.schema()));
          }
        }
        case UNION -> schema.getTypes().forEach(toVisit::push);
        case ARRAY -> toVisit.push(schema.getElementType());
        case MAP -> toVisit.push(schema.getValueType());
        default -> {
          // primitives and logical types carry no nested records
        }
      }
    }
    return Collections.unmodifiableMap(classes);
  }

  /**
   * Loads the class generated for one of this module's records with plain Java class loading: the
   * names come from our own compiled schemas, never from data read off a topic.
   */
  private static Class<? extends SpecificRecord> generatedClass(Schema schema) {
    try {
      return Class.forName(schema.getFullName(), false, EventCatalog.class.getClassLoader())
          .asSubclass(SpecificRecord.class);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("No generated class for " + schema.getFullName(), e);
    }
  }
}
