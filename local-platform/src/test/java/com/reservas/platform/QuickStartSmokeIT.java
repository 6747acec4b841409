package com.reservas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The Quick start as a user runs it: {@code java -jar reservas-local-platform.jar} in its own
 * process ({@link PlatformProcess}, Zipkin included), a reservation over HTTP with the demo key
 * until it is confirmed, the README's own commands against it (the walkthrough, the event tail, the
 * schema registry), then SIGTERM — and every port is free again.
 */
class QuickStartSmokeIT {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theOneCommandPlatformConfirmsAReservationAndReleasesEveryPortOnStop() throws Exception {
    PlatformProcess platform = PlatformProcess.start(Map.of());
    Map<String, Integer> ports = platform.ports;
    try {
      String api = platform.url(LocalSettings.API_PORT);
      HttpClient http = HttpClient.newHttpClient();
      platform.awaitReady(http);

      HttpResponse<String> created =
          http.send(platform.demoReservation().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String code = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");

      Awaitility.await("confirmation of " + code)
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  http.send(
                          HttpRequest.newBuilder(URI.create(api + "/api/v1/reservations/" + code))
                              .header("X-Api-Key", "local-demo-key")
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body(),
              body -> body.contains("\"status\":\"SUPPLIER_CONFIRMED\""));

      readmeCommandsWork(ports);
    } finally {
      assertThat(platform.stop()).as("stops on SIGTERM; log in " + platform.log).isTrue();
    }
    for (Map.Entry<String, Integer> port : ports.entrySet()) {
      assertThat(PlatformProcess.listening(port.getValue()))
          .as(port.getKey() + " released")
          .isFalse();
    }
  }

  /**
   * A part that fails half-way through the start (here the Stripe stand-in, whose books directory
   * is a file) ends the command with its reason and exit code 2, instead of leaving the parts
   * started before it running without an API.
   */
  @Test
  void aPartThatCannotStartEndsTheCommandWithItsReason() throws Exception {
    Path dataDir = Files.createTempDirectory("reservas-unwritable-");
    Files.writeString(dataDir.resolve("stripe"), "a file where the stand-in keeps its books");
    PlatformProcess platform =
        PlatformProcess.start(
            Map.of(LocalSettings.DATA_DIR, dataDir.toString(), LocalSettings.ZIPKIN, "off"));
    try {
      assertThat(platform.awaitExit(Duration.ofMinutes(2)))
          .as("exit code; log in " + platform.log)
          .hasValue(2);
      assertThat(platform.reason()).startsWith("Reservas cannot start: stripe cannot start: ");
    } finally {
      platform.stop();
    }
  }

  /**
   * The README's walkthrough, its event tail and its schema registry requests, run with bash as
   * written, against this platform's ports instead of the default ones.
   */
  private static void readmeCommandsWork(Map<String, Integer> ports) throws Exception {
    List<String> blocks = shellBlocks(REPOSITORY.resolve("README.md"));
    Map<String, String> toPorts =
        Map.of(
            "localhost:8080", "127.0.0.1:" + ports.get(LocalSettings.API_PORT),
            "localhost:8081", "127.0.0.1:" + ports.get(LocalSettings.SCHEMA_REGISTRY_PORT),
            "localhost:9092", "127.0.0.1:" + ports.get(LocalSettings.KAFKA_PORT));

    String walkthrough = run(block(blocks, "reserve()"), toPorts, ports);
    assertThat(walkthrough).as("the walkthrough's output").containsPattern("(?m)^[A-Z0-9]{8}$");
    assertThat(walkthrough.split("\"status\":\"", -1)).as(walkthrough).hasSizeGreaterThan(3);

    // The webhook walkthrough: a receiver on this machine hears every status change, signed.
    String webhooks =
        run(
            block(blocks, "reserve()")
                + block(blocks, "/webhook-endpoints -H")
                + "sleep 15; kill $(jobs -p)\n",
            toPorts,
            ports);
    assertThat(webhooks).as("the registration's answer").contains("\"secret\":\"whsec_");
    // The receiver prints one line per delivery: event id, signature, body.
    List<String> received =
        webhooks.lines().filter(line -> line.matches("\\S+ t=\\d+,v1=[0-9a-f]{64} \\{.*")).toList();
    assertThat(received)
        .as(webhooks)
        .allMatch(line -> line.contains("\"type\":\"reservation.status_changed\""));
    // Every change of the reservation, in order (at least once: a repeat may follow).
    assertThat(received.stream().map(line -> line.replaceAll(".*\"status\":\"([A-Z_]+)\".*", "$1")))
        .as(webhooks)
        .containsSubsequence("CREATED", "PAYMENT_IN_PROGRESS", "PAID", "SUPPLIER_CONFIRMED");

    assertThat(run(block(blocks, "/subjects"), toPorts, ports))
        .contains("reservations.events-com.reservas.schemas.avro.ReservationCreated");

    // The tail runs until stopped: a few seconds show the events of the walkthrough.
    assertThat(run("timeout 40 " + block(blocks, " tail "), toPorts, ports))
        .contains("ReservationCreated");
  }

  /** The fenced {@code shell} blocks of a Markdown file. */
  static List<String> shellBlocks(Path markdown) throws IOException {
    List<String> blocks = new ArrayList<>();
    StringBuilder current = null;
    for (String line : Files.readAllLines(markdown)) {
      if (current == null && line.equals("```shell")) {
        current = new StringBuilder();
      } else if (current != null && line.equals("```")) {
        blocks.add(current.toString());
        current = null;
      } else if (current != null) {
        current.append(line).append('\n');
      }
    }
    return blocks;
  }

  private static String block(List<String> blocks, String containing) {
    return blocks.stream()
        .filter(b -> b.contains(containing))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No shell block with '" + containing + "'"));
  }

  /** Runs a README block from the repository root; returns what it printed. */
  private static String run(String block, Map<String, String> toPorts, Map<String, Integer> ports)
      throws Exception {
    String script = block;
    for (Map.Entry<String, String> port : toPorts.entrySet()) {
      script = script.replace(port.getKey(), port.getValue());
    }
    ProcessBuilder bash =
        new ProcessBuilder("bash", "-c", script)
            .directory(REPOSITORY.toFile())
            .redirectErrorStream(true);
    ports.forEach((name, port) -> bash.environment().put(name, String.valueOf(port)));
    Process process = bash.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(script).isTrue();
    // timeout(1) ends the tail with 124: the tail ran until it was stopped, as documented.
    assertThat(process.exitValue()).as(script + "\n" + output).isIn(0, 124);
    return output;
  }
}
