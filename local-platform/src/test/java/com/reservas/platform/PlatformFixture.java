package com.reservas.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The whole platform started in-process on free ports with a temporary data directory, and a small
 * HTTP client that talks to it as a client application would.
 */
final class PlatformFixture implements AutoCloseable {

  static final String DEMO_KEY = "local-demo-key";
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z0-9]{8})\"");
  private static final Pattern FIELD = Pattern.compile("\"%s\"\\s*:\\s*\"([A-Z_]+)\"");

  final LocalPlatform platform;
  final int apiPort;
  private final Map<String, String> environment;
  private final HttpClient http = HttpClient.newHttpClient();

  PlatformFixture(Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>();
    try {
      env.put(LocalSettings.DATA_DIR, Files.createTempDirectory("reservas-e2e-").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    freePorts().forEach((name, port) -> env.put(name, String.valueOf(port)));
    // No trace viewer in the tests that run the platform in their own JVM (ReservationTraceIT
    // checks the traces on the platform as users run it).
    env.put(LocalSettings.ZIPKIN, "off");
    env.putAll(extraEnv);
    this.environment = Map.copyOf(env);
    LocalSettings settings = LocalSettings.from(env);
    this.apiPort = settings.apiPort();
    this.platform = new LocalPlatform(settings);
    platform.start();
  }

  /** The settings the platform was started with, for programs that talk to it (the tail). */
  Map<String, String> environment() {
    return environment;
  }

  /**
   * A free port for every port setting of the platform, no two alike: each socket stays bound until
   * all are chosen, so the system cannot hand the same port out twice.
   */
  static Map<String, Integer> freePorts() {
    Map<String, Integer> ports = new HashMap<>();
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (String name : LocalSettings.PORT_VARIABLES) {
        ServerSocket socket = new ServerSocket(0);
        held.add(socket);
        ports.put(name, socket.getLocalPort());
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException e) {
          // Closing a listening socket that accepted nothing does not fail in practice.
        }
      }
    }
  }

  /** Creates a reservation and returns its code. */
  String create(String body) {
    HttpResponse<String> response = post("/api/v1/reservations", body);
    if (response.statusCode() != 201) {
      throw new AssertionError(
          "Expected 201, got " + response.statusCode() + ": " + response.body());
    }
    Matcher m = CODE.matcher(response.body());
    if (!m.find()) {
      throw new AssertionError("No code in " + response.body());
    }
    return m.group(1);
  }

  HttpResponse<String> post(String path, String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("X-Api-Key", DEMO_KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  String get(String code) {
    return send(HttpRequest.newBuilder(uri("/api/v1/reservations/" + code))
            .header("X-Api-Key", DEMO_KEY)
            .GET()
            .build())
        .body();
  }

  /** Polls the reservation until {@code done} holds, and returns its JSON. */
  String awaitReservation(String code, Predicate<String> done, Duration timeout) {
    return Awaitility.await("reservation " + code)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> get(code), done);
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile(String.format(FIELD.pattern(), name)).matcher(json);
    return m.find() ? m.group(1) : null;
  }

  static Predicate<String> status(String status) {
    return json -> status.equals(field(json, "status"));
  }

  static Predicate<String> settled() {
    return json ->
        "CANCELLED".equals(field(json, "status"))
                && !"AUTHORIZED".equals(field(json, "paymentStatus"))
                && !"CAPTURED".equals(field(json, "paymentStatus"))
                && !"CONFIRMED".equals(field(json, "supplierStatus"))
            || ("SUPPLIER_CONFIRMED".equals(field(json, "status"))
                && "CAPTURED".equals(field(json, "paymentStatus")));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + apiPort + path);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  static String body(String office, String pickupAt, String dropoffAt, String token) {
    return """
        {
          "customer": {"firstName": "Ana", "lastName": "García Núñez",
                       "email": "ana@example.com", "phone": "+34600111222"},
          "vehicle":  {"categoryCode": "CDAR", "supplierCode": "IBERCAR"},
          "pickup":   {"officeCode": "%s", "at": "%s"},
          "dropoff":  {"officeCode": "%s", "at": "%s"},
          "payment":  {"paymentMethodToken": "%s"}
        }
        """
        .formatted(office, pickupAt, office, dropoffAt, token);
  }

  @Override
  public void close() {
    platform.close();
  }
}
