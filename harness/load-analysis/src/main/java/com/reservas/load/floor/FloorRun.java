package com.reservas.load.floor;

import com.reservas.load.report.Percentiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/run Floor}: drives {@link FloorSaga} with an open model (a creation every 1/rate s,
 * each read back a second after its answer, as the Gatling scenarios do) against the platform's own
 * database, broker and stand-ins, then reports the CPU one settled reservation cost, so that the
 * platform's figure can be read as a ratio to it (docs/performance.md, "The floor").
 *
 * <p>CPU is counted from the end of the warm-up to the end of the settling: this process (less its
 * load-generating threads) plus the server processes given with {@code --infra-pids} (the launcher
 * running the database, the broker and the stand-ins, and the database server).
 *
 * <p>Options: {@code --rate} (creations/s, 50), {@code --duration} (s, 120), {@code --warm-up} (s,
 * 30), {@code --settle} (s, 120), {@code --kafka}, {@code --jdbc-url}, {@code --stripe}, {@code
 * --supplier}, {@code --infra-pids} (comma-separated), {@code --clock-ticks} (per second, 100),
 * {@code --consumers} (per group, 6), {@code --json} (where the result goes).
 */
public final class FloorRun {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private FloorRun() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    double rate = Double.parseDouble(options.getOrDefault("rate", "50"));
    Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "120")));
    Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warm-up", "30")));
    Duration settle = Duration.ofSeconds(Long.parseLong(options.getOrDefault("settle", "120")));
    long clockTicks = Long.parseLong(options.getOrDefault("clock-ticks", "100"));
    List<Long> infraPids = new ArrayList<>();
    for (String pid : options.getOrDefault("infra-pids", "").split(",")) {
      if (!pid.isBlank()) {
        infraPids.add(Long.parseLong(pid.strip()));
      }
    }
    FloorSettings settings =
        new FloorSettings(
            options.getOrDefault("kafka", "127.0.0.1:9092"),
            options.getOrDefault("jdbc-url", "jdbc:mariadb://127.0.0.1:3306/reservas?user=root"),
            options.getOrDefault("stripe", "http://127.0.0.1:12111"),
            options.getOrDefault("supplier", "http://127.0.0.1:8091"),
            6,
            Integer.parseInt(options.getOrDefault("consumers", "6")),
            4);

    try (FloorSaga saga = new FloorSaga(settings)) {
      Load load = new Load(saga.apiUri(), rate);
      System.out.printf("[floor] warm-up %d s at %.0f creations/s%n", warmUp.toSeconds(), rate);
      load.start();
      Thread.sleep(warmUp.toMillis());
      Cpu before = Cpu.now(infraPids, clockTicks, load::ownsThread);
      load.measureFrom(System.nanoTime());
      System.out.printf("[floor] measuring %d s%n", duration.toSeconds());
      Thread.sleep(duration.toMillis());
      load.stop();
      Set<String> measured = load.measured();
      long deadline = System.nanoTime() + settle.toNanos();
      while (System.nanoTime() < deadline && !saga.settled.keySet().containsAll(measured)) {
        Thread.sleep(500);
      }
      Cpu after = Cpu.now(infraPids, clockTicks, load::ownsThread);
      int settledCount = (int) measured.stream().filter(saga.settled::containsKey).count();
      long[] endToEnd =
          measured.stream()
              .map(saga.confirmedAfterMillis::get)
              .filter(millis -> millis != null)
              .mapToLong(Long::longValue)
              .toArray();
      Percentiles e2e = Percentiles.of(endToEnd);
      Percentiles post = Percentiles.of(load.postMillis());
      double platformSeconds =
          (after.process - before.process - (after.loadGenerator - before.loadGenerator)) / 1e9
              + (after.infraTicks - before.infraTicks) / (double) clockTicks;
      double perReservation = settledCount == 0 ? 0 : platformSeconds * 1000 / settledCount;
      long all = saga.createdAt.size();

      Map<String, Object> result = new LinkedHashMap<>();
      result.put("simulation", "Floor");
      result.put("at", Instant.now().toString());
      result.put("rate", rate);
      result.put("durationSeconds", duration.toSeconds());
      result.put("created", measured.size());
      result.put("settled", settledCount);
      result.put("errors", load.errors.get() + saga.failures.get());
      result.put("postMillis", post);
      result.put("creationToConfirmedMillis", e2e);
      Map<String, Object> cpu = new LinkedHashMap<>();
      cpu.put("floorSeconds", round(platformSeconds));
      cpu.put("floorProcessSeconds", round((after.process - before.process) / 1e9));
      cpu.put("loadGeneratorSeconds", round((after.loadGenerator - before.loadGenerator) / 1e9));
      cpu.put(
          "serversSeconds", round((after.infraTicks - before.infraTicks) / (double) clockTicks));
      cpu.put("msPerSettledReservation", round(perReservation));
      result.put("cpu", cpu);
      Map<String, Object> hops = new LinkedHashMap<>();
      hops.put("commits", round(saga.commits.get() / (double) all));
      hops.put("recordsProduced", round(saga.produced.get() / (double) all));
      hops.put("recordsConsumed", round(saga.consumed.get() / (double) all));
      hops.put("standInCalls", round(saga.externalCalls.get() / (double) all));
      result.put("perReservation", hops);
      String json = JSON.writeValueAsString(result);
      if (options.containsKey("json")) {
        Files.writeString(Path.of(options.get("json")), json);
      }
      System.out.println(json);
      System.exit(settledCount == measured.size() && !measured.isEmpty() ? 0 : 1);
    }
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  /** CPU used so far: this process, its load-generating threads, and the server processes. */
  private record Cpu(long process, long loadGenerator, long infraTicks) {

    static Cpu now(List<Long> infraPids, long clockTicks, Predicate<String> loadThread)
        throws IOException {
      long process =
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long loadGenerator = 0;
      for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (info != null && loadThread.test(info.getThreadName())) {
          loadGenerator += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
        }
      }
      long ticks = 0;
      for (long pid : infraPids) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.exists(stat)) {
          String[] fields = Files.readString(stat).replaceAll("^.*\\) ", "").split(" ");
          ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
      }
      return new Cpu(process, loadGenerator, ticks);
    }
  }

  /** The client side: creations at a fixed rate, each read back a second after its answer. */
  private static final class Load {

    static final String THREADS = "floor-load";

    private final URI api;
    private final double rate;
    private final ScheduledExecutorService ticks =
        Executors.newScheduledThreadPool(2, FloorSaga.named(THREADS));
    private final HttpClient client;
    private final Set<String> selectorThreads;
    private final Set<String> measured = ConcurrentHashMap.newKeySet();
    private final List<Long> postMillis = new ArrayList<>();
    private final AtomicLong errors = new AtomicLong();
    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile boolean stopped;

    Load(URI api, double rate) {
      this.api = api;
      this.rate = rate;
      // The client's selector thread has a JDK name ("HttpClient-<n>-SelectorManager"), shared
      // with the floor's own client to the stand-ins: the new one is the load's.
      Set<String> before = httpClientThreads();
      client =
          HttpClient.newBuilder()
              .executor(Executors.newFixedThreadPool(2, FloorSaga.named(THREADS + "-client")))
              .build();
      selectorThreads = httpClientThreads();
      selectorThreads.removeAll(before);
    }

    boolean ownsThread(String name) {
      return name.startsWith(THREADS) || selectorThreads.contains(name);
    }

    private static Set<String> httpClientThreads() {
      Set<String> names = new HashSet<>();
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (thread.getName().startsWith("HttpClient-")) {
          names.add(thread.getName());
        }
      }
      return names;
    }

    void start() {
      long period = (long) (1_000_000_000L / rate);
      ticks.scheduleAtFixedRate(this::create, 0, period, TimeUnit.NANOSECONDS);
    }

    void measureFrom(long nanos) {
      measureFrom = nanos;
    }

    void stop() {
      stopped = true;
      ticks.shutdown();
    }

    Set<String> measured() {
      return measured;
    }

    synchronized long[] postMillis() {
      return postMillis.stream().mapToLong(Long::longValue).toArray();
    }

    private void create() {
      if (stopped) {
        return;
      }
      long sent = System.nanoTime();
      HttpRequest request =
          HttpRequest.newBuilder(api)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(ReservationBody.JSON))
              .build();
      client
          .sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, failure) -> {
                if (failure != null || response.statusCode() != 201) {
                  errors.incrementAndGet();
                  return;
                }
                String code = response.body().replaceAll(".*\"code\":\"([A-Z0-9]+)\".*", "$1");
                if (sent >= measureFrom) {
                  measured.add(code);
                  synchronized (this) {
                    postMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
                  }
                }
                if (!ticks.isShutdown()) {
                  ticks.schedule(() -> read(code), 1, TimeUnit.SECONDS);
                }
              });
    }

    private void read(String code) {
      client
          .sendAsync(
              HttpRequest.newBuilder(URI.create(api + "/" + code)).GET().build(),
              HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, failure) -> {
                if (failure != null || response.statusCode() != 200) {
                  errors.incrementAndGet();
                }
              });
    }
  }

  /** The body the load sends: the platform's example request (the floor reads and drops it). */
  private static final class ReservationBody {
    static final String JSON =
        "{\"customer\":{\"firstName\":\"Ana\",\"lastName\":\"García Núñez\","
            + "\"email\":\"ana@example.com\",\"phone\":\"+34600111222\"},"
            + "\"vehicle\":{\"categoryCode\":\"CDAR\",\"supplierCode\":\"IBERCAR\"},"
            + "\"pickup\":{\"officeCode\":\"MAD-AIRPORT\",\"at\":\"2027-03-10T09:30:00\"},"
            + "\"dropoff\":{\"officeCode\":\"MAD-AIRPORT\",\"at\":\"2027-03-14T18:00:00\"},"
            + "\"payment\":{\"paymentMethodToken\":\"pm_card_visa\"}}";
  }
}
