package com.reservas.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests run in: its root, found from the module directory. */
final class Repository {

  private static final Path ROOT = findRoot();

  private Repository() {}

  static Path root() {
    return ROOT;
  }

  static Path path(String relative) {
    return ROOT.resolve(relative).normalize();
  }

  static String read(String relative) {
    return read(path(relative));
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory holding docker-compose.yml and the parent pom, from the working directory up. */
  private static Path findRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("docker-compose.yml"))
          && Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isDirectory(dir.resolve("deploy"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "repository root (docker-compose.yml, pom.xml, deploy/) not found above "
            + Path.of("").toAbsolutePath());
  }
}
