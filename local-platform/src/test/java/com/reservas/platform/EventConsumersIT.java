package com.reservas.platform;

import static com.reservas.platform.PlatformFixture.body;
import static com.reservas.platform.PlatformFixture.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.testsupport.NodeScripts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a downstream team sees on the topics of a running platform: one reservation is created and
 * confirmed over HTTP, then the event topics are read by programs outside the platform's JVM.
 */
class EventConsumersIT {

  private static final Path JAR = Path.of("target", "reservas-local-platform.jar");
  private static final Duration SAGA = Duration.ofSeconds(90);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static PlatformFixture fixture;
  private static String code;

  @BeforeAll
  static void aConfirmedReservation() {
    fixture = new PlatformFixture(Map.of());
    code =
        fixture.create(
            body("MAD-AIRPORT", "2027-03-10T09:30:00", "2027-03-14T18:00:00", "pm_card_visa"));
    fixture.awaitReservation(code, r -> "CAPTURED".equals(field(r, "paymentStatus")), SAGA);
  }

  @AfterAll
  static void stopPlatform() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void thePackagedTailPrintsEachEventOfTheReservationOnOneLineWithPersonalDataMasked()
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            java(),
            "-jar",
            JAR.toAbsolutePath().toString(),
            "tail",
            "reservations.events",
            "payments.events",
            "suppliers.events");
    builder.environment().putAll(fixture.environment());
    Process tail = builder.start();
    List<String> out = lines(tail.getInputStream());
    List<String> err = lines(tail.getErrorStream());
    try {
      List<String> expected =
          List.of(
              "reservations.events " + code + " ReservationCreated {",
              "payments.events " + code + " PaymentAuthorizationStarted {",
              "payments.events " + code + " PaymentAuthorized {",
              "suppliers.events " + code + " SupplierBookingConfirmed {",
              "payments.events " + code + " PaymentCaptured {");
      Awaitility.await("the reservation's events in the tail's output")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () ->
                  assertThat(expected)
                      .as("stdout %s%nstderr %s", out, err)
                      .allSatisfy(
                          prefix ->
                              assertThat(out).anySatisfy(l -> assertThat(l).startsWith(prefix))));
    } finally {
      tail.destroy();
      assertThat(tail.waitFor(30, TimeUnit.SECONDS)).as("the tail stops on SIGTERM").isTrue();
    }
    assertThat(out)
        .as("one line per event: topic, key, type, JSON")
        .allMatch(line -> line.matches("[a-z.]+ [A-Z0-9]{8} [A-Za-z]+ \\{.*}"));
    assertThat(String.join("\n", out))
        .contains("\"email\":null", "\"paymentMethodToken\":null")
        .containsPattern("\"sealedPaymentMethodToken\":\"v1\\.[\\w-]{8}\\.[\\w-]+\"")
        .doesNotContain("ana@example.com", "García", "+34600111222", "pm_card_visa");
    assertThat(err).as("no Kafka client configuration dump, no warnings").isEmpty();
  }

  @Test
  void aConsumerWrittenWithKafkajsAndItsConfluentRegistryClientDecodesAllThreeTopics()
      throws Exception {
    LocalSettings settings = LocalSettings.from(fixture.environment());
    Process node =
        NodeScripts.in(Path.of("src", "test", "node"), "kafkajs")
            .start(
                "decode-topics.mjs",
                "127.0.0.1:" + settings.kafkaPort(),
                settings.schemaRegistryUrl(),
                code);
    List<String> out = lines(node.getInputStream());
    List<String> err = lines(node.getErrorStream());
    List<JsonNode> decoded;
    try {
      decoded =
          Awaitility.await("the reservation's events decoded by the Node.js consumer")
              .atMost(Duration.ofMinutes(1))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> out.stream().map(JSON::readTree).toList(),
                  events ->
                      types(events)
                          .containsAll(
                              List.of(
                                  "ReservationCreated",
                                  "PaymentAuthorized",
                                  "SupplierBookingConfirmed",
                                  "PaymentCaptured")));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("stdout " + out + "\nstderr " + err, e);
    } finally {
      node.destroy();
      node.waitFor(30, TimeUnit.SECONDS);
    }

    assertThat(decoded.stream().map(e -> e.path("topic").asString()))
        .contains("reservations.events", "payments.events", "suppliers.events");
    for (JsonNode event : decoded) {
      assertThat(event.path("key").asString()).isEqualTo(code);
      assertThat(event.path("event").path("metadata").path("eventType").asString())
          .isEqualTo(event.path("headers").path("eventType").asString());
      assertThat(event.path("event").path("metadata").path("eventId").asString())
          .isEqualTo(event.path("headers").path("eventId").asString());
    }
    JsonNode created =
        decoded.stream()
            .filter(
                e -> e.path("headers").path("eventType").asString().equals("ReservationCreated"))
            .findFirst()
            .orElseThrow()
            .path("event")
            .path("reservation");
    assertThat(created.path("code").asString()).isEqualTo(code);
    assertThat(created.path("customer").path("lastName").asString()).isEqualTo("García Núñez");
    assertThat(created.path("customer").path("email").isNull()).as("no contact details").isTrue();
    assertThat(created.path("sealedPaymentMethodToken").asString()).startsWith("v1.");
    assertThat(created.path("price").path("amount").asString()).isEqualTo("412.00");
  }

  private static List<String> types(List<JsonNode> events) {
    return events.stream().map(e -> e.path("headers").path("eventType").asString()).toList();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Collects the lines of a stream as they come, on a daemon thread. */
  private static List<String> lines(InputStream stream) {
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    reader.setDaemon(true);
    reader.start();
    return lines;
  }
}
