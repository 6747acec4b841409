package com.reservas.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Node.js scripts in a folder with a committed {@code package.json} and {@code package-lock.json}:
 * clients written without any of this project's code (a Kafka consumer with a Confluent registry
 * client, the AsyncAPI parser), run by tests. The build installs their locked packages ({@code npm
 * ci}); a machine without Node.js, or without the packages, fails the test with a message saying
 * what to do — never skips it, because a skipped contract check proves nothing.
 */
public final class NodeScripts {

  private final Path folder;

  private NodeScripts(Path folder) {
    this.folder = folder;
  }

  /**
   * The scripts in {@code folder}, after checking that Node.js runs and {@code pkg} is installed.
   */
  public static NodeScripts in(Path folder, String pkg) {
    requireNode();
    if (!Files.isDirectory(folder.resolve("node_modules").resolve(pkg))) {
      throw new AssertionError(
          "The npm package "
              + pkg
              + " is not installed in "
              + folder.toAbsolutePath()
              + "; the Maven build runs 'npm ci' there before the tests (or run it by hand)");
    }
    return new NodeScripts(folder);
  }

  /** Starts {@code node <script> <args>} in the folder; the caller reads and stops it. */
  public Process start(String script, String... args) {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    try {
      return new ProcessBuilder(command).directory(folder.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start node " + script, e);
    }
  }

  /** What a script printed (standard output and error together) and how it ended. */
  public record Result(int exitCode, String output) {}

  /** Runs {@code node <script> <args>} to its end, at most {@code timeout}. */
  public Result run(Duration timeout, String script, String... args) {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    try {
      Path output = Files.createTempFile("node-", ".out");
      try {
        Process process =
            new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("node " + script + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run node " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while running node " + script, e);
    }
  }

  private static void requireNode() {
    try {
      Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      if (version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0) {
        return;
      }
    } catch (IOException e) {
      // reported below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError(
        "Node.js 18+ with npm is needed: this test runs a client written outside this project."
            + " Install it, e.g. 'apt-get install nodejs npm' on Debian");
  }
}
