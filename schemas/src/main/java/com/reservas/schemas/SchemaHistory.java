package com.reservas.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The released versions of each event schema, read from {@code schemas-history/<FullName>/v1.avsc,
 * v2.avsc...} on the classpath. Old producers may still write these versions, so the compatibility
 * check reads every one of them with the current schema and the in-memory registry preloads them to
 * resolve their ids.
 */
public final class SchemaHistory {

  /** Classpath folder holding one sub-folder per record full name. */
  public static final String RESOURCE_ROOT = "schemas-history";

  private final Map<String, List<SchemaVersion>> versionsByFullName;

  private SchemaHistory(Map<String, List<SchemaVersion>> versionsByFullName) {
    this.versionsByFullName = versionsByFullName;
  }

  /** The history of every event type of the {@link EventCatalog}, from this module's classpath. */
  public static SchemaHistory ofEventCatalog() {
    return fromClasspath(
        SchemaHistory.class.getClassLoader(),
        EventCatalog.eventSchemas().stream().map(Schema::getFullName).toList());
  }

  /**
   * Reads {@code v1.avsc}, {@code v2.avsc}... for each full name until the first missing number.
   *
   * @throws IllegalStateException if a version file is not a valid schema or names another record
   */
  public static SchemaHistory fromClasspath(ClassLoader classLoader, Collection<String> fullNames) {
    Map<String, List<SchemaVersion>> versions = new LinkedHashMap<>();
    for (String fullName : fullNames) {
      List<SchemaVersion> recorded = new ArrayList<>();
      for (int version = 1; ; version++) {
        String resource = resourcePath(fullName, version);
        Optional<Schema> schema = readSchema(classLoader, resource);
        if (schema.isEmpty()) {
          break;
        }
        requireName(fullName, resource, schema.get());
        recorded.add(new SchemaVersion(fullName, version, schema.get()));
      }
      versions.put(fullName, List.copyOf(recorded));
    }
    return new SchemaHistory(versions);
  }

  /** Where version {@code version} of {@code fullName} lives on the classpath. */
  public static String resourcePath(String fullName, int version) {
    return RESOURCE_ROOT + "/" + fullName + "/v" + version + ".avsc";
  }

  /** The recorded versions of one record, oldest first; empty if none is recorded. */
  public List<SchemaVersion> versionsOf(String fullName) {
    return versionsByFullName.getOrDefault(fullName, List.of());
  }

  /** The newest recorded version of one record, if any. */
  public Optional<SchemaVersion> latestOf(String fullName) {
    List<SchemaVersion> versions = versionsOf(fullName);
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /** Every recorded version of every record. */
  public List<SchemaVersion> allVersions() {
    return versionsByFullName.values().stream().flatMap(List::stream).toList();
  }

  private static Optional<Schema> readSchema(ClassLoader classLoader, String resource) {
    try (InputStream in = classLoader.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new Schema.Parser().parse(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read schema history file " + resource, e);
    } catch (SchemaParseException e) {
      throw new IllegalStateException(
          "Schema history file " + resource + " is not a valid Avro schema: " + e.getMessage(), e);
    }
  }

  private static void requireName(String fullName, String resource, Schema schema) {
    if (!fullName.equals(schema.getFullName())) {
      throw new IllegalStateException(
          "Schema history file "
              + resource
              + " defines "
              + schema.getFullName()
              + " but its folder says "
              + fullName);
    }
  }
}
