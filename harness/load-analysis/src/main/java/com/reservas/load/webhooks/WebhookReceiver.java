package com.reservas.load.webhooks;

import com.reservas.load.webhooks.WebhookTally.Change;
import com.reservas.load.webhooks.WebhookTally.Received;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner's receiver for {@code bench/run --webhooks}: registers an endpoint for the load's API
 * client on {@code http://127.0.0.1:<port>/hooks}, answers every webhook {@code 204} after checking
 * its signature as the docs tell partners to, and, asked for {@code GET /summary}, waits until the
 * deliveries have stopped and tallies them against the database's history of the run's reservations
 * ({@link WebhookTally}). The latency is the webhook's arrival less the change's time ({@code
 * data.at}): status change → webhook received, on one machine's clock.
 *
 * <p>Run: {@code java -cp … com.reservas.load.webhooks.WebhookReceiver --port 18099 --api
 * http://localhost:8080 --api-key local-demo-key --jdbc-url jdbc:mariadb://127.0.0.1:3306/reservas
 * --json webhooks.json}
 */
public final class WebhookReceiver {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final List<Received> received = new ArrayList<>();
  private final byte[] secret;
  private volatile long lastReceivedMillis = System.currentTimeMillis();

  private WebhookReceiver(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int port = Integer.parseInt(options.getOrDefault("port", "18099"));
    String api = options.getOrDefault("api", "http://localhost:8080");
    String apiKey = options.getOrDefault("api-key", "local-demo-key");
    String jdbcUrl = options.getOrDefault("jdbc-url", "jdbc:mariadb://127.0.0.1:3306/reservas");
    Path json = Path.of(options.getOrDefault("json", "webhooks.json"));

    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
    server.setExecutor(Executors.newFixedThreadPool(8));
    LocalDateTime since = LocalDateTime.now(ZoneOffset.UTC);
    JsonNode endpoint = register(api, apiKey, "http://127.0.0.1:" + port + "/hooks");
    WebhookReceiver receiver = new WebhookReceiver(endpoint.path("secret").asString());
    server.createContext("/hooks", receiver::receive);
    server.createContext(
        "/summary",
        exchange -> {
          Map<String, Object> summary = receiver.summary(jdbcUrl, since, exchange);
          Files.writeString(json, JSON.writeValueAsString(summary));
          answer(exchange, 200, JSON.writeValueAsBytes(summary));
        });
    server.start();
    System.out.println("registered " + endpoint.path("id").asString() + " on port " + port);
  }

  private static JsonNode register(String api, String apiKey, String url)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(api + "/api/v1/webhook-endpoints"))
                    .header("X-Api-Key", apiKey)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"url\": \""
                                + url
                                + "\", \"events\": [\"reservation.status_changed\"]}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "registration answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private void receive(HttpExchange exchange) throws IOException {
    long now = System.currentTimeMillis();
    byte[] body = exchange.getRequestBody().readAllBytes();
    String signature = exchange.getRequestHeaders().getFirst("Reservas-Signature");
    JsonNode event = JSON.readTree(body);
    JsonNode data = event.path("data");
    Received r =
        new Received(
            event.path("id").asString(),
            data.path("code").asString(),
            data.path("status").asString(),
            Instant.parse(data.path("at").asString()).toEpochMilli(),
            now,
            signedWithSecret(signature, body));
    synchronized (received) {
      received.add(r);
    }
    lastReceivedMillis = now;
    answer(exchange, 204, null);
  }

  /** The check a partner makes (docs/webhooks.md): HMAC-SHA256 over {@code "<t>.<raw body>"}. */
  private boolean signedWithSecret(String header, byte[] body) {
    if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
      return false;
    }
    String t = header.substring(2, header.indexOf(','));
    String v1 = header.substring(header.indexOf("v1=") + 3);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
      byte[] expected = mac.doFinal(body);
      return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until no webhook arrived for {@code quietSeconds} (10) or {@code maxSeconds} (300)
   * passed, then tallies.
   */
  private Map<String, Object> summary(String jdbcUrl, LocalDateTime since, HttpExchange exchange)
      throws IOException {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getQuery();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    long quiet = Long.parseLong(query.getOrDefault("quietSeconds", "10")) * 1000;
    long deadline =
        System.currentTimeMillis() + Long.parseLong(query.getOrDefault("maxSeconds", "300")) * 1000;
    try {
      while (System.currentTimeMillis() - lastReceivedMillis < quiet
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(250);
      }
      List<Received> heard;
      synchronized (received) {
        heard = List.copyOf(received);
      }
      Map<String, Object> summary = WebhookTally.of(heard, history(jdbcUrl, since));
      summary.put("since", since.toInstant(ZoneOffset.UTC).toString());
      return summary;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  /** Every status change of the reservations created since the endpoint was registered. */
  private static List<Change> history(String jdbcUrl, LocalDateTime since) throws SQLException {
    List<Change> changes = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, "root", "");
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT h.reservation_code, h.status, h.changed_at"
                    + " FROM reservation_status_history h"
                    + " JOIN reservation r ON r.code = h.reservation_code"
                    + " WHERE r.created_at >= ?")) {
      ps.setObject(1, since);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          changes.add(
              new Change(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC).toEpochMilli()));
        }
      }
    }
    return changes;
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
    if (body != null) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }
}
