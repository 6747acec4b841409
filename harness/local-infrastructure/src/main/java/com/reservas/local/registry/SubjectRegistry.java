package com.reservas.local.registry;

import com.reservas.schemas.EventCatalog;
import com.reservas.schemas.SchemaHistory;
import com.reservas.schemas.SchemaVersion;
import com.reservas.schemas.compatibility.SchemaCompatibilityChecker;
import com.reservas.schemas.compatibility.SchemaIncompatibility;
import com.reservas.schemas.registry.InMemorySchemaRegistry;
import com.reservas.schemas.registry.SubjectNaming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParseException;
import org.apache.avro.specific.SpecificData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subjects, versions and ids behind the local run's schema registry endpoint.
 *
 * <p>Ids are the ones the services' in-memory registry gives ({@link
 * InMemorySchemaRegistry#deterministicId}: a fingerprint of the schema), so they are the same in
 * every process and after every restart, and messages written with {@code mem://} and with {@code
 * http://} carry the same ids. Every event type of the catalogue is preloaded under its
 * TopicRecordNameStrategy subject, its released versions in order. Schemas registered over HTTP on
 * top of those are appended to a journal file and replayed on start, so their subjects, versions
 * and ids survive restarts too. New versions must keep the platform's BACKWARD_TRANSITIVE rule.
 */
public final class SubjectRegistry {

  /** The compatibility rule of every subject, the same as the build's check. */
  public static final String COMPATIBILITY = "BACKWARD_TRANSITIVE";

  private static final Logger log = LoggerFactory.getLogger(SubjectRegistry.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, List<Integer>> idsBySubject = new TreeMap<>();
  private final Path journal;

  private SubjectRegistry(Path journal) {
    this.journal = journal;
  }

  /**
   * A registry holding every event schema of the catalogue and what {@code journal} recorded; new
   * registrations are appended to {@code journal} (created with its folder when missing).
   */
  public static SubjectRegistry ofEventCatalog(Path journal) {
    SubjectRegistry registry = new SubjectRegistry(journal);
    SchemaHistory history = SchemaHistory.ofEventCatalog();
    // The current schemas first: their text (with docs) is what /schemas/ids/{id} serves.
    EventCatalog.eventSchemas().forEach(s -> registry.schemasById.putIfAbsent(idOf(s), s));
    for (String topic : EventCatalog.topics()) {
      for (var type : EventCatalog.eventTypes(topic)) {
        Schema current = SpecificData.get().getSchema(type);
        String subject = SubjectNaming.topicRecordName(topic, current);
        history.versionsOf(current.getFullName()).forEach(v -> registry.add(subject, v.schema()));
        registry.add(subject, current);
      }
    }
    registry.replayJournal();
    return registry;
  }

  /** One version of a subject. */
  public record Registered(String subject, int version, int id, Schema schema) {}

  /**
   * Registers {@code schemaText} under {@code subject}, or finds it already there.
   *
   * @throws RegistryError 42201 if it is not an Avro schema, 409 if it breaks the subject's rule
   */
  public synchronized Registered register(String subject, String schemaText) {
    Schema schema = parse(schemaText);
    Optional<Registered> existing = find(subject, schema);
    if (existing.isPresent()) {
      return existing.get();
    }
    Registered registered = add(subject, schema);
    appendToJournal(subject, schemaText);
    return registered;
  }

  /**
   * The version of {@code subject} that holds {@code schemaText}.
   *
   * @throws RegistryError 40401 for an unknown subject, 40403 if the schema is not in it
   */
  public synchronized Registered lookup(String subject, String schemaText) {
    Schema schema = parse(schemaText);
    requireSubject(subject);
    return find(subject, schema).orElseThrow(RegistryError::schemaNotInSubject);
  }

  /**
   * Why {@code schemaText} could not follow {@code version} of {@code subject}, or all its versions
   * when {@code version} is empty (the transitive check); empty when it could.
   */
  public synchronized List<String> incompatibilities(
      String subject, Optional<String> version, String schemaText) {
    Schema schema = parse(schemaText);
    List<Registered> against =
        version.isPresent() ? List.of(version(subject, version.get())) : versions(subject);
    return incompatibilities(schema, against);
  }

  /** The schema with this id. */
  public synchronized Schema schema(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw RegistryError.schemaNotFound(id);
    }
    return schema;
  }

  /** Every version, in any subject, that holds the schema with this id. */
  public synchronized List<Registered> usesOf(int id) {
    schema(id);
    List<Registered> uses = new ArrayList<>();
    idsBySubject.forEach(
        (subject, ids) -> {
          int version = ids.indexOf(id) + 1;
          if (version > 0) {
            uses.add(new Registered(subject, version, id, schemasById.get(id)));
          }
        });
    return uses;
  }

  /** All subjects, sorted. */
  public synchronized List<String> subjects() {
    return List.copyOf(idsBySubject.keySet());
  }

  /** The versions of {@code subject}, oldest first. */
  public synchronized List<Registered> versions(String subject) {
    List<Integer> ids = requireSubject(subject);
    List<Registered> versions = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      versions.add(new Registered(subject, i + 1, ids.get(i), schemasById.get(ids.get(i))));
    }
    return versions;
  }

  /**
   * Version {@code version} ({@code 1}, {@code 2}... or {@code latest}, also {@code -1}) of {@code
   * subject}.
   */
  public synchronized Registered version(String subject, String version) {
    List<Registered> versions = versions(subject);
    if (version.equals("latest") || version.equals("-1")) {
      return versions.get(versions.size() - 1);
    }
    int number;
    try {
      number = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw RegistryError.invalidVersion(version);
    }
    if (number < 1) {
      throw RegistryError.invalidVersion(version);
    }
    if (number > versions.size()) {
      throw RegistryError.versionNotFound(number);
    }
    return versions.get(number - 1);
  }

  private Registered add(String subject, Schema schema) {
    int id = idOf(schema);
    Schema known = schemasById.putIfAbsent(id, schema);
    if (known != null
        && !SchemaNormalization.toParsingForm(known)
            .equals(SchemaNormalization.toParsingForm(schema))) {
      throw RegistryError.internal(
          "schema id collision between " + known.getFullName() + " and " + schema.getFullName());
    }
    List<Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!ids.contains(id)) {
      List<String> problems = incompatibilities(schema, versionsOrEmpty(subject));
      if (!problems.isEmpty()) {
        if (known == null) {
          schemasById.remove(id);
        }
        if (ids.isEmpty()) {
          idsBySubject.remove(subject);
        }
        throw RegistryError.incompatible(subject, problems);
      }
      ids.add(id);
    }
    return new Registered(subject, ids.indexOf(id) + 1, id, schemasById.get(id));
  }

  private Optional<Registered> find(String subject, Schema schema) {
    int id = idOf(schema);
    return versionsOrEmpty(subject).stream().filter(v -> v.id() == id).findFirst();
  }

  private List<Registered> versionsOrEmpty(String subject) {
    List<Integer> ids = idsBySubject.get(subject);
    return ids == null || ids.isEmpty() ? List.of() : versions(subject);
  }

  private List<Integer> requireSubject(String subject) {
    List<Integer> ids = idsBySubject.get(subject);
    if (ids == null || ids.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    return ids;
  }

  private static List<String> incompatibilities(Schema reader, List<Registered> writers) {
    return SchemaCompatibilityChecker.incompatibilities(
            reader,
            writers.stream()
                .map(w -> new SchemaVersion(w.schema().getFullName(), w.version(), w.schema()))
                .toList())
        .stream()
        .map(SchemaIncompatibility::describe)
        .toList();
  }

  private static int idOf(Schema schema) {
    return InMemorySchemaRegistry.deterministicId(schema);
  }

  private static Schema parse(String schemaText) {
    if (schemaText == null || schemaText.isBlank()) {
      throw RegistryError.invalidSchema("no schema given");
    }
    try {
      return new Schema.Parser().parse(schemaText);
    } catch (SchemaParseException e) {
      throw RegistryError.invalidSchema(e.getMessage());
    }
  }

  private void appendToJournal(String subject, String schemaText) {
    String line =
        JSON.writeValueAsString(Map.of("subject", subject, "schema", schemaText))
            + System.lineSeparator();
    try {
      Files.createDirectories(journal.toAbsolutePath().getParent());
      Files.writeString(
          journal,
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot record the registration in " + journal, e);
    }
  }

  private void replayJournal() {
    if (!Files.exists(journal)) {
      return;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the schema registry journal " + journal, e);
    }
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode entry = JSON.readTree(line);
        String subject = entry.path("subject").asString();
        Schema schema = parse(entry.path("schema").asString());
        if (find(subject, schema).isEmpty()) {
          add(subject, schema);
        }
      } catch (JacksonException | RegistryError e) {
        log.warn("Skipping a schema registry journal entry of {}: {}", journal, e.getMessage());
      }
    }
  }
}
