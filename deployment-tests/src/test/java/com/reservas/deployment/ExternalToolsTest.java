package com.reservas.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Compose's own validation, when a Compose client is installed (it is not required: the test is
 * skipped without one). {@code config} interpolates and validates against the Compose
 * specification's schema on the client side; no Docker engine is needed.
 */
class ExternalToolsTest {

  @Test
  void composeValidatesTheFileWithAndWithoutTheEnvExample() throws Exception {
    List<String> compose = composeCommand();
    assumeTrue(compose != null, "no docker compose / docker-compose client: check skipped");
    String file = Repository.path("docker-compose.yml").toString();
    String directory = Repository.root().toString();

    List<String> plain = new ArrayList<>(compose);
    plain.addAll(List.of("--project-directory", directory, "-f", file, "config", "-q"));
    assertThat(run(plain)).isEmpty();

    List<String> withEnv = new ArrayList<>(compose);
    withEnv.addAll(
        List.of(
            "--project-directory",
            directory,
            "--env-file",
            Repository.path("deploy/.env.example").toString(),
            "-f",
            file,
            "config",
            "-q"));
    assertThat(run(withEnv)).isEmpty();
  }

  /** Runs a command, asserts exit code 0, returns what it wrote to stderr. */
  private static String run(List<String> command) throws Exception {
    Process process =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + errors).isZero();
    return errors.strip();
  }

  private static List<String> composeCommand() throws Exception {
    Path docker = onPath("docker");
    if (docker != null && succeeds(List.of(docker.toString(), "compose", "version"))) {
      return List.of(docker.toString(), "compose");
    }
    Path dockerCompose = onPath("docker-compose");
    if (dockerCompose != null && succeeds(List.of(dockerCompose.toString(), "version"))) {
      return List.of(dockerCompose.toString());
    }
    return null;
  }

  private static boolean succeeds(List<String> command) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
  }

  private static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String directory : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
