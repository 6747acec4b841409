package com.reservas.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace contract of issue 19, checked from outside on the platform as users run it ({@code java
 * -jar}, its Zipkin on): after a {@code POST} that sent {@code traceparent:
 * 00-<traceId>-<spanId>-01} and the saga settled, Zipkin's {@code /api/v2/trace/<traceId>} holds
 * spans of every service. One trace, so each hop continued the one before: the API the client's,
 * the relay the outbox row's, the consumers the relay's record, the projector the outcome's.
 *
 * <p>The same run (the platform starts once: it is the expensive part) checks the metrics contract
 * of {@code deploy/observability/}: every metric the Grafana dashboard and the alerting rules query
 * is in a scrape of the six services, sent as Prometheus sends it ({@code Authorization: Bearer}
 * with the metrics credential).
 */
class ReservationTraceIT {

  /** Every service of the platform, by the setting of its port (its API and its actuator). */
  private static final Map<String, String> SERVICE_PORTS =
      Map.of(
          "reservation-api", LocalSettings.API_PORT,
          "outbox-relay", LocalSettings.RELAY_PORT,
          "payment-consumer", LocalSettings.PAYMENT_PORT,
          "provider-consumer", LocalSettings.PROVIDER_PORT,
          "status-projector", LocalSettings.PROJECTOR_PORT,
          "notification-dispatcher", LocalSettings.DISPATCHER_PORT);

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aConfirmedReservationIsOneTraceAcrossEveryServiceInZipkin() throws Exception {
    PlatformProcess platform = PlatformProcess.start(Map.of());
    try {
      platform.awaitReady(http);
      String api = platform.url(LocalSettings.API_PORT);
      String traceId = randomHex(16);
      HttpResponse<String> created =
          http.send(
              platform
                  .demoReservation()
                  .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertThat(created.headers().firstValue("traceparent"))
          .as("the answer names the request's span in the client's trace")
          .hasValueSatisfying(
              traceparent -> assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01"));
      String code = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");

      Awaitility.await("settlement of " + code + "; log in " + platform.log)
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> reservation(api, code), PlatformFixture.settled());

      String zipkin = platform.url(LocalSettings.ZIPKIN_PORT);
      // Spans leave each service in batches (every few seconds): wait for the last ones.
      Set<String> services =
          Awaitility.await(
                  "spans of every service in trace " + traceId + "; log in " + platform.log)
              .atMost(Duration.ofMinutes(1))
              .pollInterval(Duration.ofSeconds(1))
              .until(
                  () -> serviceNames(zipkin, traceId),
                  names -> names.containsAll(SERVICE_PORTS.keySet()));
      assertThat(services).containsAll(SERVICE_PORTS.keySet());
      // Children end, and may be exported, before their parents: wait for the whole tree.
      List<Span> spans =
          Awaitility.await(
                  "the external calls' spans in trace " + traceId + "; log in " + platform.log)
              .atMost(Duration.ofMinutes(1))
              .pollInterval(Duration.ofSeconds(1))
              .ignoreExceptions()
              .until(
                  () -> spans(zipkin, traceId),
                  found -> {
                    assertExternalCallsAreChildren(found);
                    return true;
                  });
      assertExternalCallsAreChildren(spans);

      // Gauges read on a schedule (consumer lag every 15 s) may need one more round.
      Set<String> used = ObservabilityAssets.usedMetricNames();
      Set<String> missing =
          Awaitility.await(
                  "every metric of deploy/observability in a scrape; log in " + platform.log)
              .atMost(Duration.ofMinutes(1))
              .pollInterval(Duration.ofSeconds(2))
              .until(() -> missingFromScrape(platform, used), Set::isEmpty);
      assertThat(missing).as("metrics the dashboard or the alerts use").isEmpty();
    } finally {
      assertThat(platform.stop()).as("stops on SIGTERM; log in " + platform.log).isTrue();
    }
    assertThat(PlatformProcess.listening(platform.ports.get(LocalSettings.ZIPKIN_PORT)))
        .as("Zipkin stopped with the platform")
        .isFalse();
  }

  /** The names of {@code used} that no service's {@code /actuator/prometheus} offers. */
  private Set<String> missingFromScrape(PlatformProcess platform, Set<String> used)
      throws Exception {
    Set<String> scraped = new TreeSet<>();
    for (String port : SERVICE_PORTS.values()) {
      HttpResponse<String> scrape =
          http.send(
              HttpRequest.newBuilder(URI.create(platform.url(port) + "/actuator/prometheus"))
                  .header("Authorization", "Bearer " + LocalPlatform.METRICS_TOKEN)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(scrape.statusCode()).as("scrape of " + port).isEqualTo(200);
      scraped.addAll(ObservabilityAssets.scrapedNames(scrape.body()));
    }
    Set<String> missing = new TreeSet<>(used);
    missing.removeAll(scraped);
    return missing;
  }

  private String reservation(String api, String code) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(api + "/api/v1/reservations/" + code))
                .header("X-Api-Key", PlatformFixture.DEMO_KEY)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** The {@code localEndpoint.serviceName} of every span of the trace Zipkin has so far. */
  private Set<String> serviceNames(String zipkin, String traceId) throws Exception {
    Set<String> names = new TreeSet<>();
    spans(zipkin, traceId).forEach(span -> names.add(span.service()));
    return names;
  }

  /**
   * The Stripe and supplier calls are spans of the reservation's trace (the supplier's HTTP request
   * a child of its call, which the Reactor context carries from the listener's thread), and the
   * trace has one root: the API's request, whose parent is the client's span.
   */
  private static void assertExternalCallsAreChildren(List<Span> spans) {
    assertThat(spans)
        .extracting(Span::service, Span::name)
        .contains(
            tuple("payment-consumer", "stripe authorize"),
            tuple("payment-consumer", "stripe capture"),
            tuple("provider-consumer", "supplier book"),
            tuple("provider-consumer", "http post"));
    Set<String> ids = new TreeSet<>();
    spans.forEach(span -> ids.add(span.id()));
    assertThat(spans)
        .as("spans whose parent is not in the trace")
        .filteredOn(span -> !ids.contains(span.parentId()))
        .extracting(Span::service, Span::name)
        .hasSize(1)
        .allSatisfy(root -> assertThat(root.toList()).first().isEqualTo("reservation-api"));
  }

  /** A span as Zipkin keeps it; {@code parentId} is empty for a root. */
  private record Span(String service, String name, String id, String parentId) {}

  /** Every span of the trace Zipkin has so far. */
  private List<Span> spans(String zipkin, String traceId) throws Exception {
    HttpResponse<String> trace =
        http.send(
            HttpRequest.newBuilder(URI.create(zipkin + "/api/v2/trace/" + traceId)).build(),
            HttpResponse.BodyHandlers.ofString());
    List<Span> spans = new ArrayList<>();
    if (trace.statusCode() != 200) {
      return spans;
    }
    for (JsonNode span : JsonMapper.builder().build().readTree(trace.body())) {
      spans.add(
          new Span(
              span.path("localEndpoint").path("serviceName").asString(),
              span.path("name").asString(),
              span.path("id").asString(),
              span.path("parentId").asString()));
    }
    return spans;
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
