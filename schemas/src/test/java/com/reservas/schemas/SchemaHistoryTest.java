package com.reservas.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the release history complete, since the BACKWARD_TRANSITIVE check is only as good as the
 * versions it knows: every event type has a history and the latest recorded version is the current
 * schema (docs aside). A changed schema fails here with the file to add.
 */
class SchemaHistoryTest {

  private static final Path HISTORY_SOURCES =
      Path.of("src/main/resources", SchemaHistory.RESOURCE_ROOT);
  private static final Path UNRELEASED_SCHEMAS = Path.of("target/unreleased-schemas");

  private final SchemaHistory history = SchemaHistory.ofEventCatalog();

  @Test
  void theLatestRecordedVersionOfEveryEventIsItsCurrentSchema() throws IOException {
    List<String> unreleased = new ArrayList<>();
    for (Schema current : EventCatalog.eventSchemas()) {
      Optional<SchemaVersion> latest = history.latestOf(current.getFullName());
      if (latest.isEmpty() || !sameParsingForm(latest.get().schema(), current)) {
        String resource =
            SchemaHistory.resourcePath(
                current.getFullName(), history.versionsOf(current.getFullName()).size() + 1);
        unreleased.add(
            "copy " + writeUnreleased(current, resource) + " to src/main/resources/" + resource);
      }
    }

    assertThat(unreleased)
        .as("Schemas changed since their last recorded version; to release them")
        .isEmpty();
  }

  @Test
  void everyHistoryFolderIsAnEventTypeWithVersionsNumberedFromOneWithoutGaps() throws IOException {
    try (Stream<Path> folders = Files.list(HISTORY_SOURCES)) {
      for (Path folder : folders.toList()) {
        String fullName = folder.getFileName().toString();
        assertThat(EventCatalog.eventSchemas())
            .as("history folder %s names an event type", folder)
            .extracting(Schema::getFullName)
            .contains(fullName);
        try (Stream<Path> files = Files.list(folder)) {
          assertThat(files.map(file -> file.getFileName().toString()))
              .as("files in %s", folder)
              .containsExactlyInAnyOrderElementsOf(
                  history.versionsOf(fullName).stream()
                      .map(version -> "v" + version.version() + ".avsc")
                      .toList());
        }
      }
    }
  }

  private static boolean sameParsingForm(Schema a, Schema b) {
    return SchemaNormalization.toParsingForm(a).equals(SchemaNormalization.toParsingForm(b));
  }

  private static Path writeUnreleased(Schema schema, String resource) throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    Path file = UNRELEASED_SCHEMAS.resolve(resource);
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(schema.toString()))
            + System.lineSeparator());
    return file;
  }
}
