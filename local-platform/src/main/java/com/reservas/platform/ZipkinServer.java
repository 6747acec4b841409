package com.reservas.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.boot.system.ApplicationHome;

/**
 * The trace viewer of the local run: Zipkin's own executable jar ({@code io.zipkin:zipkin-server},
 * classifier {@code exec}, copied next to the launcher jar by the build as {@code
 * zipkin/zipkin-server-exec.jar}) in its own OS process, with in-memory storage. Every service
 * exports its spans to it (docs/observability.md).
 */
final class ZipkinServer implements AutoCloseable {

  static final String JAR = "zipkin-server-exec.jar";

  /**
   * The most spans Zipkin keeps; it drops the oldest traces beyond. Its default (500,000) does not
   * fit the heap below: under load the heap filled within minutes and Zipkin ran one full
   * collection after another, a third of the benchmarks' two cores (docs/performance.md); 50,000
   * still filled it. 20,000 spans are the last few hundred reservations of a benchmark and hours of
   * a demo.
   */
  static final int MAX_SPANS = 20_000;

  private final Process process;
  private final int port;
  private final Path log;

  private ZipkinServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts Zipkin on {@code port}; its output goes to {@code log}. Returns at once. */
  static ZipkinServer start(Path jar, int port, Path log) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  // A small heap and the quick JIT tier: a local trace viewer, not a collector
                  // under load.
                  "-Xmx256m",
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-jar",
                  jar.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().put("QUERY_PORT", String.valueOf(port));
      builder.environment().put("STORAGE_TYPE", "mem");
      builder.environment().put("MEM_MAX_SPANS", String.valueOf(MAX_SPANS));
      return new ZipkinServer(builder.start(), port, log);
    } catch (IOException e) {
      throw new PlatformStartException("Zipkin (" + jar + ") cannot start: " + e.getMessage());
    }
  }

  /**
   * The Zipkin jar: {@code RESERVAS_ZIPKIN_JAR} if set, else the one the build put next to the
   * launcher ({@code local-platform/target/zipkin/}).
   */
  static Path findJar(String configured) {
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path home = new ApplicationHome(ZipkinServer.class).getDir().toPath();
    List<Path> candidates =
        Stream.of(home, home.getParent())
            .filter(dir -> dir != null)
            .map(dir -> dir.resolve("zipkin").resolve(JAR))
            .toList();
    Optional<Path> found = candidates.stream().filter(Files::isRegularFile).findFirst();
    return found.orElseThrow(
        () ->
            new PlatformStartException(
                "No Zipkin server jar at "
                    + candidates
                    + ": build local-platform (./mvnw -pl local-platform -am package), set "
                    + LocalSettings.ZIPKIN_JAR
                    + ", or run without traces ("
                    + LocalSettings.ZIPKIN
                    + "=off)"));
  }

  /** The endpoint the services post their spans to. */
  String spansEndpoint() {
    return "http://127.0.0.1:" + port + "/api/v2/spans";
  }

  /** Waits until Zipkin answers its health check. */
  void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new PlatformStartException(
            "Zipkin exited with " + process.exitValue() + " at start-up; see " + log);
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PlatformStartException("Interrupted while Zipkin started");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PlatformStartException("Interrupted while Zipkin started");
      }
    }
    throw new PlatformStartException("Zipkin did not answer within " + timeout + "; see " + log);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "Zipkin on port " + port;
  }
}
