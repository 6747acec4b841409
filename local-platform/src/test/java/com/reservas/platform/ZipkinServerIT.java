package com.reservas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local run's Zipkin keeps at most {@link ZipkinServer#MAX_SPANS} spans, dropping the oldest
 * traces: with Zipkin's own bound (500,000) its small heap filled under load and it spent a third
 * of the machine on full collections. Checked on the real server: more spans than the bound go in,
 * the bound's worth come out, the newest kept and the oldest gone.
 */
class ZipkinServerIT {

  private static final int BATCH = 2_000;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void keepsTheNewestSpansUpToTheBoundAndDropsTheOldest() throws Exception {
    int port = freePort();
    try (ZipkinServer zipkin =
        ZipkinServer.start(
            Path.of("target", "zipkin", ZipkinServer.JAR),
            port,
            Path.of("target", "zipkin-server-it.log"))) {
      zipkin.awaitReady(Duration.ofSeconds(90));
      int sent = ZipkinServer.MAX_SPANS + 3 * BATCH;
      long startMicros = System.currentTimeMillis() * 1000 - sent;
      for (int first = 0; first < sent; first += BATCH) {
        StringBuilder spans = new StringBuilder("[");
        for (int i = first; i < first + BATCH; i++) {
          spans.append(i == first ? "" : ",").append(span(i, startMicros + i));
        }
        HttpResponse<String> posted =
            http.send(
                HttpRequest.newBuilder(URI.create(zipkin.spansEndpoint()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(spans.append(']').toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
      }

      List<String> kept =
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> keptSpansTraceIds(port, sent), ids -> ids.contains(traceId(sent - 1)));

      assertThat(kept).hasSizeLessThanOrEqualTo(ZipkinServer.MAX_SPANS);
      assertThat(kept).doesNotContain(traceId(0));
    }
  }

  /** One span, its own trace, shaped like the services' (a name, a kind, a few tags). */
  private static String span(int index, long timestampMicros) {
    return """
        {"traceId":"%s","id":"%s","name":"http post /api/v1/reservations","kind":"SERVER",\
        "timestamp":%d,"duration":1500,"localEndpoint":{"serviceName":"reservation-api"},\
        "tags":{"http.method":"POST","http.url":"/api/v1/reservations","status":"201"}}"""
        .formatted(traceId(index), traceId(index), timestampMicros);
  }

  private static String traceId(int index) {
    return "%016x".formatted(index + 1);
  }

  /** The trace id of every span Zipkin still has. */
  private List<String> keptSpansTraceIds(int port, int limit) throws Exception {
    HttpResponse<String> traces =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/api/v2/traces?serviceName=reservation-api&limit="
                            + limit))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(traces.statusCode()).as(traces.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode trace : JsonMapper.builder().build().readTree(traces.body())) {
      for (JsonNode span : trace) {
        ids.add(span.path("traceId").asString());
      }
    }
    return ids;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
