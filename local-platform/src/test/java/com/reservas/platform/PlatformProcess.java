package com.reservas.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The packaged platform as a user runs it: {@code java -jar reservas-local-platform.jar} in its own
 * process, on free ports, with a fresh data directory and its output in {@code platform.log} there.
 * Runs after {@code package} (failsafe).
 */
final class PlatformProcess {

  private static final Path JAR = Path.of("target", "reservas-local-platform.jar");

  final Map<String, Integer> ports;
  final Path log;
  private final Process process;

  private PlatformProcess(Map<String, Integer> ports, Path log, Process process) {
    this.ports = ports;
    this.log = log;
    this.process = process;
  }

  /** Starts the jar with the environment of this JVM, free ports and {@code extraEnv}. */
  static PlatformProcess start(Map<String, String> extraEnv) throws IOException {
    Map<String, String> env = new HashMap<>(System.getenv());
    Map<String, Integer> ports = PlatformFixture.freePorts();
    ports.forEach((name, port) -> env.put(name, String.valueOf(port)));
    Path dataDir = Files.createTempDirectory("reservas-platform-");
    env.put(LocalSettings.DATA_DIR, dataDir.toString());
    env.putAll(extraEnv);
    Path log = dataDir.resolve("platform.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    return new PlatformProcess(ports, log, builder.start());
  }

  /** {@code http://127.0.0.1:<port of the setting>}. */
  String url(String portSetting) {
    return "http://127.0.0.1:" + ports.get(portSetting);
  }

  /**
   * The README's first reservation as the demo client sends it: a visa card at MAD-AIRPORT, which
   * the saga confirms; add headers, then {@code build()}.
   */
  HttpRequest.Builder demoReservation() {
    return HttpRequest.newBuilder(URI.create(url(LocalSettings.API_PORT) + "/api/v1/reservations"))
        .header("X-Api-Key", PlatformFixture.DEMO_KEY)
        .header("Content-Type", "application/json")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                PlatformFixture.body(
                    "MAD-AIRPORT", "2027-03-10T09:30:00", "2027-03-14T18:00:00", "pm_card_visa")));
  }

  /**
   * Waits until the API's readiness (database, broker and relay) says UP; fails at once, with the
   * platform's own explanation, if the process ended instead.
   */
  void awaitReady(HttpClient http) {
    Awaitility.await("readiness; log in " + log)
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new AssertionError(
                    "The platform exited with " + process.exitValue() + ": " + reason());
              }
              return status(http, url(LocalSettings.API_PORT) + "/actuator/health/readiness")
                  == 200;
            });
  }

  /**
   * Waits for the process to end by itself.
   *
   * @return its exit code, or empty if it still runs after {@code timeout}
   */
  Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? Optional.of(process.exitValue())
        : Optional.empty();
  }

  /** The line in which the platform said why it cannot start, or where to look. */
  String reason() throws IOException {
    try (Stream<String> lines = Files.lines(log)) {
      return lines
          .filter(line -> line.startsWith("Reservas cannot start"))
          .findFirst()
          .orElse("no reason given; log in " + log);
    }
  }

  /**
   * Sends SIGTERM and waits for the platform to stop (killing it after two minutes).
   *
   * @return whether it stopped on SIGTERM
   */
  boolean stop() throws InterruptedException {
    process.destroy();
    boolean stopped = process.waitFor(2, TimeUnit.MINUTES);
    if (!stopped) {
      process.destroyForcibly();
    }
    return stopped;
  }

  static int status(HttpClient http, String url) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
