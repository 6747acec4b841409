package com.reservas.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The platform as separate OS processes, each running {@code reservas-local-platform.jar component
 * <name>...} with the same settings: what chaos/run does in bash, for the suite's own fault test. A
 * process is named after the components it runs; it can be killed (SIGKILL), stopped (SIGTERM) and
 * started again, and its output is appended to {@code <name>.log} in the data directory.
 */
final class SeparateProcesses implements AutoCloseable {

  private static final Path JAR = Path.of("target", "reservas-local-platform.jar");
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final Map<String, String> environment;
  private final Path logs;
  private final Map<String, List<String>> groups = new LinkedHashMap<>();
  private final Map<String, Process> running = new LinkedHashMap<>();

  SeparateProcesses(Map<String, String> environment, Path logs) {
    this.environment = Map.copyOf(environment);
    this.logs = logs;
  }

  /** Starts a process named {@code name} running {@code components}, and waits until it runs. */
  void start(String name, String... components) {
    groups.put(name, List.of(components));
    start(name);
  }

  /** Starts the process {@code name} again, with the components it ran before. */
  void start(String name) {
    start(name, Map.of());
  }

  /**
   * Starts the process {@code name} again with {@code extraEnvironment} too (e.g. {@code
   * JAVA_TOOL_OPTIONS} arming a failpoint).
   */
  void start(String name, Map<String, String> extraEnvironment) {
    List<String> components = groups.get(name);
    Path log = logs.resolve(name + ".log");
    int startsBefore = starts(log, components);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:+UseSerialGC", "-Xmx512m", "-jar", JAR.toString(), "component"));
    command.addAll(components);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    builder.environment().putAll(extraEnvironment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    running.put(name, process);
    Awaitility.await(name + " running")
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new AssertionError(name + " exited during its start; see " + log);
              }
              return starts(log, components) > startsBefore;
            });
  }

  /** Waits until the process {@code name} has exited by itself, and returns its exit status. */
  int awaitExit(String name, Duration timeout) throws InterruptedException {
    Process process = running.get(name);
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " still running after " + timeout);
    }
    running.remove(name);
    return process.exitValue();
  }

  /** kill -9: the process and what it started get no chance to clean up. */
  void kill(String name) {
    Process process = running.remove(name);
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    awaitExit(process);
  }

  /** SIGTERM, and waits until the process has shut down. */
  void stop(String name) {
    Process process = running.remove(name);
    process.destroy();
    awaitExit(process);
    process.descendants().forEach(ProcessHandle::destroyForcibly);
  }

  /** Stops every process, the last started first. */
  @Override
  public void close() {
    List<String> names = new ArrayList<>(running.keySet());
    for (int i = names.size() - 1; i >= 0; i--) {
      stop(names.get(i));
    }
  }

  private static void awaitExit(Process process) {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** How often the log says the components started. */
  private static int starts(Path log, List<String> components) {
    String line = "Reservas component " + String.join(" ", components) + " is running";
    if (!Files.exists(log)) {
      return 0;
    }
    // ISO-8859-1 decodes any byte: a line being written cannot make the read fail.
    try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
      return (int) lines.filter(l -> l.startsWith(line)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
