package com.reservas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.load.integrity.IntegrityCheck;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The short subset of the fault-injection suite (chaos/README.md) that runs in the test command:
 * the platform as separate processes (MariaDB, the broker, the stand-ins with the API and both
 * consumers, the relay, the projector), five creations a second, and one after the other a kill -9
 * of the relay, a kill -9 of the projector, a clean restart of the broker and 15 s of Stripe
 * answers lost after the payment was carried out. Then the integrity check that bench/run and
 * chaos/run use must pass with every check run: nothing lost, charged twice, booked twice or left
 * held, every reservation final.
 */
class SeparateProcessFaultsIT {

  private static final int CREATIONS_PER_SECOND = 5;
  private static final Path RESULTS = Path.of("target", "separate-process-faults");

  @Test
  void nothingIsLostChargedTwiceBookedTwiceOrLeftHeldWhenProcessesDieAndAnswersAreLost()
      throws Exception {
    Path dataDir = Files.createTempDirectory("reservas-faults-");
    Files.createDirectories(RESULTS);
    Map<String, String> env = new HashMap<>();
    PlatformFixture.freePorts().forEach((name, port) -> env.put(name, String.valueOf(port)));
    env.put(LocalSettings.DATA_DIR, dataDir.toString());
    env.put(LocalSettings.PROFILES, "load");
    LocalSettings settings = LocalSettings.from(env);
    Instant since = Instant.now();
    List<String> faults = new ArrayList<>();

    try (SeparateProcesses platform = new SeparateProcesses(env, dataDir)) {
      platform.start("db", "db");
      platform.start("kafka", "kafka");
      platform.start("services", "registry", "stripe", "supplier", "api", "payment", "provider");
      platform.start("relay", "relay");
      platform.start("projector", "projector");

      try (SteadyLoad load = SteadyLoad.start(settings.apiPort(), CREATIONS_PER_SECOND)) {
        // Each step waits for the load to move on, not for the clock: on a busy machine the
        // arrivals are what makes a gap long enough to matter.
        load.awaitMore(75);
        faults.add("kill -9 relay at " + load.sent());
        platform.kill("relay");
        load.awaitMore(25);
        // Restarted with a failpoint: it dies again right after Kafka acknowledged its 10th
        // batch, before the batch's offsets are committed, so that batch is published twice.
        platform.start(
            "relay", Map.of("JAVA_TOOL_OPTIONS", "-Dreservas.relay.failpoint=after-ack:10"));
        int halted = platform.awaitExit("relay", Duration.ofMinutes(2));
        faults.add("relay halted after an acknowledged batch (exit " + halted + ")");
        assertThat(halted).as("the relay's exit status at the failpoint").isEqualTo(137);
        platform.start("relay");

        load.awaitMore(50);
        faults.add("kill -9 projector at " + load.sent());
        platform.kill("projector");
        load.awaitMore(25);
        platform.start("projector");

        load.awaitMore(50);
        faults.add("broker stopped at " + load.sent());
        platform.stop("kafka");
        load.awaitMore(25);
        platform.start("kafka");

        load.awaitMore(50);
        // The payment consumer's read timeout is 5 s: Stripe carries out each request and the
        // answer arrives after the consumer gave up on it.
        faults.add("Stripe answers lost at " + load.sent());
        stripeFaults(settings.stripePort(), "PUT", "{\"latencyMillis\": 6000}");
        load.awaitMore(75);
        stripeFaults(settings.stripePort(), "DELETE", null);

        load.awaitMore(50);
        load.finish(RESULTS.resolve("samples.csv"));
        faults.add("load stopped at " + load.sent() + ", " + load.acknowledged() + " acknowledged");
        assertThat(load.acknowledged()).as("creations acknowledged").isGreaterThan(200);
      }

      int status =
          IntegrityCheck.check(
              "--since", since.toString(),
              "--samples", RESULTS.resolve("samples.csv").toString(),
              "--settle", "300",
              "--stall", "150",
              "--await-parts", "120",
              "--json", RESULTS.resolve("integrity.json").toString(),
              "--jdbc-url", "jdbc:mariadb://127.0.0.1:" + settings.databasePort() + "/reservas",
              "--kafka", "127.0.0.1:" + settings.kafkaPort(),
              "--stripe", "http://127.0.0.1:" + settings.stripePort(),
              "--part", "outbox-relay=127.0.0.1:" + settings.relayPort(),
              "--part", "payment-consumer=127.0.0.1:" + settings.paymentPort(),
              "--part", "provider-consumer=127.0.0.1:" + settings.providerPort(),
              "--part", "status-projector=127.0.0.1:" + settings.projectorPort(),
              "--part", "supplier-simulator=127.0.0.1:" + settings.supplierPort());
      String integrity = Files.readString(RESULTS.resolve("integrity.json"));
      assertThat(status).as("integrity check after %s:%n%s", faults, integrity).isZero();
      assertThat(integrity).as("every check ran").doesNotContain("\"SKIPPED\"");
    }
    // Kept for a look when the test fails; a passing run leaves nothing behind.
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  private static void stripeFaults(int port, String method, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/__admin/faults"))
            .header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("Stripe stand-in faults").isBetween(200, 299);
  }
}
