package com.reservas.schemas.compatibility;

import com.reservas.schemas.EventCatalog;
import com.reservas.schemas.SchemaHistory;
import com.reservas.schemas.SchemaVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * BACKWARD_TRANSITIVE check of the schemas: each current schema, as the reader, must read every
 * released version of itself, so a consumer built on this module can read anything ever published.
 * Runs in this module's tests during {@code verify}; {@link #main} lets a later Maven execution
 * (e.g. exec-maven-plugin) run it on its own.
 */
public final class SchemaCompatibilityChecker {

  private SchemaCompatibilityChecker() {}

  /** The released versions that {@code current} cannot read; empty when all are readable. */
  public static List<SchemaIncompatibility> incompatibilities(
      Schema current, Collection<SchemaVersion> releasedVersions) {
    return releasedVersions.stream()
        .flatMap(
            released -> {
              SchemaPairCompatibility result =
                  SchemaCompatibility.checkReaderWriterCompatibility(current, released.schema());
              return result.getType() == SchemaCompatibilityType.COMPATIBLE
                  ? Stream.<SchemaIncompatibility>empty()
                  : Stream.of(new SchemaIncompatibility(released, detailsOf(current, result)));
            })
        .toList();
  }

  /** The incompatibilities of every schema in {@code currents} against its {@code history}. */
  public static List<SchemaIncompatibility> incompatibilities(
      Collection<Schema> currents, SchemaHistory history) {
    return currents.stream()
        .flatMap(
            current ->
                incompatibilities(current, history.versionsOf(current.getFullName())).stream())
        .toList();
  }

  /**
   * Fails if any schema in {@code currents} cannot read one of its released versions.
   *
   * @throws IncompatibleSchemaException naming every schema and version that is not readable
   */
  public static void requireBackwardTransitive(Collection<Schema> currents, SchemaHistory history) {
    List<SchemaIncompatibility> found = incompatibilities(currents, history);
    if (!found.isEmpty()) {
      throw new IncompatibleSchemaException(found);
    }
  }

  /**
   * Checks this module's event schemas against the history on the classpath; exits with status 1
   * and the list of problems on standard error if any is incompatible.
   */
  public static void main(String[] args) {
    try {
      requireBackwardTransitive(EventCatalog.eventSchemas(), SchemaHistory.ofEventCatalog());
    } catch (IncompatibleSchemaException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
    System.out.println("All event schemas can read every released version (BACKWARD_TRANSITIVE).");
  }

  private static String detailsOf(Schema reader, SchemaPairCompatibility result) {
    List<Incompatibility> incompatibilities = result.getResult().getIncompatibilities();
    if (incompatibilities.isEmpty()) {
      return result.getDescription();
    }
    return incompatibilities.stream()
        .map(
            incompatibility ->
                incompatibility.getType()
                    + " at "
                    + fieldPath(reader, incompatibility.getLocation())
                    + " ("
                    + incompatibility.getLocation()
                    + "): "
                    + incompatibility.getMessage())
        .collect(Collectors.joining("; "));
  }

  /**
   * Turns Avro's location in the reader schema, e.g. {@code /fields/4/type/fields/1}, into field
   * names, e.g. {@code reservation.status}, so a failing build names what to fix.
   */
  private static String fieldPath(Schema reader, String location) {
    List<String> names = new ArrayList<>();
    Schema schema = reader;
    String[] steps = location.split("/");
    for (int i = 0; i < steps.length; i++) {
      String step = steps[i];
      boolean indexFollows = i + 1 < steps.length && steps[i + 1].matches("\\d+");
      if (step.equals("fields") && indexFollows && schema.getType() == Schema.Type.RECORD) {
        Schema.Field field = schema.getFields().get(Integer.parseInt(steps[++i]));
        names.add(field.name());
        schema = field.schema();
      } else if (step.equals("type") && indexFollows && schema.getType() == Schema.Type.UNION) {
        schema = schema.getTypes().get(Integer.parseInt(steps[++i]));
      } else if (step.equals("items") && schema.getType() == Schema.Type.ARRAY) {
        schema = schema.getElementType();
      } else if (step.equals("values") && schema.getType() == Schema.Type.MAP) {
        schema = schema.getValueType();
      }
    }
    return names.isEmpty() ? reader.getName() : String.join(".", names);
  }
}
