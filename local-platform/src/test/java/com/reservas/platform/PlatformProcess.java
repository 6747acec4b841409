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
import java.util.concurrent.TimeUnit;
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

  /** Waits until the API's readiness (database, broker and relay) says UP. */
  void awaitReady(HttpClient http) {
    Awaitility.await("readiness; log in " + log)
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> status(http, url(LocalSettings.API_PORT) + "/actuator/health/readiness") == 200);
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
