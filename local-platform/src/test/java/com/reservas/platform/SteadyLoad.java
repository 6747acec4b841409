package com.reservas.platform;

import com.reservas.load.samples.Sample;
import com.reservas.load.samples.SampleLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * Creates reservations at a fixed rate (an open model: a slow or absent answer does not slow the
 * arrivals) and records every request in the samples format of the benchmarks, so the integrity
 * check can compare the codes clients received with what the platform kept. The light stand-in for
 * Gatling in the suite's fault test.
 */
final class SteadyLoad implements AutoCloseable {

  static final String CREATE_REQUEST = "POST /reservations";
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z0-9]{8})\"");
  private static final List<String> OFFICES =
      List.of("MAD-AIRPORT", "BCN-AIRPORT", "VLC-AIRPORT", "SVQ-AIRPORT", "BIO-AIRPORT");
  private static final LocalDate FIRST_PICKUP = LocalDate.parse("2027-03-01");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
  private final SampleLog samples = new SampleLog();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final URI reservations;

  private SteadyLoad(int apiPort) {
    this.reservations = URI.create("http://127.0.0.1:" + apiPort + "/api/v1/reservations");
  }

  /** Starts creating {@code perSecond} reservations a second. */
  static SteadyLoad start(int apiPort, int perSecond) {
    SteadyLoad load = new SteadyLoad(apiPort);
    load.clock.scheduleAtFixedRate(
        load::createOne, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    return load;
  }

  /** The requests sent so far. */
  int sent() {
    return sent.get();
  }

  /** Waits until {@code count} more reservations have been sent (the load's own clock). */
  void awaitMore(int count) {
    int target = sent() + count;
    Awaitility.await(count + " more creations")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> sent() >= target);
  }

  /** The creations answered {@code 201} with a code so far. */
  int acknowledged() {
    return acknowledged.get();
  }

  /** Stops the arrivals, waits for the answers of those in flight and writes the samples. */
  void finish(Path samplesFile) throws InterruptedException {
    clock.shutdown();
    clock.awaitTermination(10, TimeUnit.SECONDS);
    Awaitility.await("answers of the creations in flight")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> samples.size() >= sent.get());
    samples.writeTo(samplesFile);
  }

  @Override
  public void close() {
    clock.shutdownNow();
  }

  private void createOne() {
    int n = sent.getAndIncrement();
    LocalDate pickup = FIRST_PICKUP.plusDays(n % 90);
    String office = OFFICES.get(n % OFFICES.size());
    // One in twenty is declined by Stripe's test card: the cancellation path runs too.
    String card = n % 20 == 19 ? "pm_card_chargeDeclined" : "pm_card_visa";
    HttpRequest request =
        HttpRequest.newBuilder(reservations)
            .timeout(Duration.ofSeconds(10))
            .header("X-Api-Key", PlatformFixture.DEMO_KEY)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    PlatformFixture.body(
                        office, pickup + "T09:30:00", pickup.plusDays(3) + "T09:30:00", card)))
            .build();
    int active = samples.userStarted();
    long start = System.currentTimeMillis();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, failure) -> {
              samples.userFinished();
              long latency = System.currentTimeMillis() - start;
              if (failure != null) {
                samples.record(new Sample(CREATE_REQUEST, start, -1, 0, false, active, ""));
                return;
              }
              Matcher code = CODE.matcher(response.body());
              boolean created = response.statusCode() == 201 && code.find();
              if (created) {
                acknowledged.incrementAndGet();
              }
              samples.record(
                  new Sample(
                      CREATE_REQUEST,
                      start,
                      latency,
                      response.statusCode(),
                      created,
                      active,
                      created ? code.group(1) : ""));
            });
  }
}
