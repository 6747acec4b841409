package com.reservas.load.report;

import com.reservas.load.samples.Sample;
import com.reservas.load.samples.SampleLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The summary of one benchmark run: HTTP figures from the samples file (throughput, p50/p95/p99,
 * errors), the simulation's own post-run check (drift, break point, recovery), the end-to-end
 * latency and the integrity check's verdict; printed, and written as JSON so that runs can be
 * compared between versions.
 *
 * <p>Exit status: 0 when the post-run check passed (or the simulation has none), 1 otherwise.
 */
public final class RunReport {

  /** docs/spec.md §9: {@code POST} p95 ≤ 100 ms. */
  static final long TARGET_P95_MILLIS = 100;

  /** Spike: the latency must be back at its baseline this soon after the burst, and stay there. */
  static final long MAX_RECOVERY_SECONDS = 30;

  static final int RECOVERY_WINDOW_SECONDS = 10;

  /**
   * docs/spec.md §9: creation to {@code SUPPLIER_CONFIRMED}, p95, asserted by the sustained run.
   */
  static final long TARGET_END_TO_END_P95_MILLIS = 1_000;

  private static final String CREATE = "POST /reservations";
  private static final String READ = "GET /reservations/{code}";
  private static final String WARM_UP = "(warm-up)";

  private static final Pattern ASSERTION =
      Pattern.compile("(.+) : (true|false) \\(actual : (.*)\\)");

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private RunReport() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, String> meta = new TreeMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (args[i].equals("--meta")) {
        String[] kv = args[i + 1].split("=", 2);
        meta.put(kv[0], kv.length > 1 ? kv[1] : "");
      } else {
        options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
      }
    }
    String simulation = options.getOrDefault("simulation", "?");
    Path samplesFile = Path.of(required(options, "samples"));
    Path out = Path.of(required(options, "out"));

    List<Sample> samples =
        Files.isRegularFile(samplesFile) ? SampleLog.read(samplesFile) : List.of();
    List<Sample> measured = samples.stream().filter(s -> !s.request().contains(WARM_UP)).toList();
    List<Sample> creations = measured.stream().filter(s -> s.request().startsWith(CREATE)).toList();
    List<Sample> reads = measured.stream().filter(s -> s.request().startsWith(READ)).toList();

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("simulation", simulation);
    result.put("environment", meta);
    Map<String, Object> http = new LinkedHashMap<>();
    RequestStats create = RequestStats.of(creations);
    RequestStats read = RequestStats.of(reads);
    RequestStats all = RequestStats.of(measured);
    http.put("create", create.toMap());
    http.put("read", read.toMap());
    http.put("all", all.toMap());
    http.put("byRequest", byRequest(samples));
    result.put("http", http);

    Map<String, Object> analysis = analysis(simulation, creations, measured, samples);
    CpuTimeline cpu = null;
    String cpuFile = options.get("cpu");
    if (cpuFile != null && Files.isRegularFile(Path.of(cpuFile))) {
      cpu = CpuTimeline.read(Path.of(cpuFile), parseInt(options.get("clk-tck"), 100));
      if (!measured.isEmpty()) {
        long from = measured.get(0).startMillis();
        long to = measured.stream().mapToLong(Sample::endMillis).max().orElse(from);
        Map<String, Object> whileMeasured = cpu.between(from, to);
        if (!creations.isEmpty()) {
          // Comparable with bench/run Floor's figure: CPU after the warm-up, per creation in it.
          double millis = cpu.platformCpuSeconds(from, to) * 1000 / creations.size();
          whileMeasured.put("platformCpuMsPerMeasuredCreation", Math.round(millis * 10) / 10.0);
          if (cpu.hasJit()) {
            double jit = cpu.jitCpuSeconds(from, to) * 1000 / creations.size();
            whileMeasured.put("jitCpuMsPerMeasuredCreation", Math.round(jit * 10) / 10.0);
          }
          untilSettledPerCreation(cpu, from, meta, creations)
              .ifPresent(
                  ms ->
                      whileMeasured.put(
                          "platformCpuMsPerMeasuredCreationUntilSettled",
                          Math.round(ms * 10) / 10.0));
        }
        result.put("cpu", whileMeasured);
        if (analysis.containsKey("allowedLastP95Millis")) {
          // Drift: did a neighbour take the CPU in the first or the last minute?
          long first = creations.isEmpty() ? from : creations.get(0).startMillis();
          long last = creations.isEmpty() ? to : creations.get(creations.size() - 1).startMillis();
          long slice = Math.round(((Number) analysis.get("sliceSeconds")).doubleValue() * 1000);
          analysis.put("cpuFirst", cpu.between(first, first + slice));
          analysis.put("cpuLast", cpu.between(last - slice, last + 1));
        }
      }
    }
    result.put("analysis", analysis);

    Map<String, Object> gatling = new LinkedHashMap<>();
    gatling.put("exitCode", parseInt(options.get("gatling-exit"), -1));
    String gatlingDir = options.get("gatling-dir");
    if (gatlingDir != null && !gatlingDir.isBlank()) {
      gatling.put("report", Path.of(gatlingDir).resolve("index.html").toString());
    }
    gatling.put("assertions", gatlingAssertions(options.get("gatling-log")));
    result.put("gatling", gatling);

    JsonNode integrity = readJson(options.get("integrity"));
    result.put("endToEnd", integrity == null ? null : integrity.get("endToEnd"));
    result.put("integrity", integrity);
    if ("SustainedLoad".equals(simulation)) {
      addEndToEndTarget(analysis, integrity);
    }
    if ("Capacity".equals(simulation)) {
      addCapacity(analysis, creations, measured, integrity);
    }

    // bench/run --webhooks: a partner's receiver tallied every status change it heard.
    JsonNode webhooks = readJson(options.get("webhooks"));
    if (options.containsKey("webhooks")) {
      boolean heardAll = webhooks != null && webhooks.path("passed").asBoolean(false);
      result.put("webhooks", webhooks);
      analysis.put("webhooksPassed", heardAll);
      if (!heardAll) {
        analysis.put("passed", false);
      }
    }

    boolean analysisPassed = !Boolean.FALSE.equals(analysis.get("passed"));
    result.put("analysisPassed", analysisPassed);
    boolean gatlingPassed = Integer.valueOf(0).equals(gatling.get("exitCode"));
    boolean integrityPassed = integrity != null && integrity.path("passed").asBoolean(false);
    result.put("passed", analysisPassed && gatlingPassed && integrityPassed && !samples.isEmpty());

    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    JSON.writeValue(out.toFile(), result);
    print(simulation, create, read, all, analysis, gatling, integrity, out, samples.isEmpty());
    if (options.containsKey("webhooks")) {
      printWebhooks(webhooks);
    }
    printEnvironment(meta, result.get("cpu"));
    System.exit(analysisPassed ? 0 : 1);
  }

  /** The sustained run also fails when creation → SUPPLIER_CONFIRMED misses its p95 target. */
  private static void addEndToEndTarget(Map<String, Object> analysis, JsonNode integrity) {
    JsonNode e2e = integrity == null ? null : integrity.get("endToEnd");
    boolean measured = e2e != null && e2e.has("p95Millis");
    long p95 = measured ? e2e.path("p95Millis").asLong() : -1;
    boolean met = measured && p95 <= TARGET_END_TO_END_P95_MILLIS;
    analysis.put("endToEndP95Millis", measured ? p95 : null);
    analysis.put("endToEndTargetMillis", TARGET_END_TO_END_P95_MILLIS);
    analysis.put("passed", met && !Boolean.FALSE.equals(analysis.get("passed")));
  }

  /**
   * The capacity run's steps and the highest rate at which both targets held for a whole step (the
   * end-to-end figures per step come from the integrity check's {@code byRequest}).
   */
  private static void addCapacity(
      Map<String, Object> analysis,
      List<Sample> creations,
      List<Sample> measured,
      JsonNode integrity) {
    Map<String, Long> endToEnd = new LinkedHashMap<>();
    JsonNode byRequest = integrity == null ? null : integrity.path("endToEnd").path("byRequest");
    if (byRequest != null && byRequest.isObject()) {
      byRequest
          .properties()
          .forEach(e -> endToEnd.put(e.getKey(), e.getValue().path("p95Millis").asLong()));
    }
    List<LoadAnalysis.CapacityStep> steps =
        LoadAnalysis.capacitySteps(
            creations, measured, endToEnd, TARGET_P95_MILLIS, TARGET_END_TO_END_P95_MILLIS);
    analysis.put(
        "kind",
        "capacity: the highest step rate with POST p95 <= "
            + TARGET_P95_MILLIS
            + " ms, creation -> SUPPLIER_CONFIRMED p95 <= "
            + TARGET_END_TO_END_P95_MILLIS
            + " ms and no errors");
    analysis.put("steps", steps);
    analysis.put("capacityPerSecond", LoadAnalysis.capacity(steps).orElse(null));
  }

  private static Map<String, Object> byRequest(List<Sample> samples) {
    Map<String, List<Sample>> groups =
        samples.stream()
            .collect(Collectors.groupingBy(Sample::request, TreeMap::new, Collectors.toList()));
    Map<String, Object> out = new LinkedHashMap<>();
    groups.forEach((name, list) -> out.put(name, RequestStats.of(list).toMap()));
    return out;
  }

  private static Map<String, Object> analysis(
      String simulation, List<Sample> creations, List<Sample> measured, List<Sample> samples) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (simulation) {
      case "SustainedLoad" -> {
        out.put("kind", "drift between the first and the last minute");
        out.putAll(LoadAnalysis.drift(creations, 60, 1.5, 20));
      }
      case "StressRamp" -> {
        out.put(
            "kind", "break point: first 5 s window, sustained 5 s, with p95 > 100 ms or errors");
        LoadAnalysis.breakPoint(creations, measured, TARGET_P95_MILLIS, 5, 5)
            .ifPresentOrElse(
                b -> out.put("breakPoint", b),
                () -> out.put("breakPoint", "none: the target held up to the last user"));
        LoadAnalysis.peak(creations, measured, 5).ifPresent(p -> out.put("peak", p));
        out.put("maxActiveUsers", creations.stream().mapToInt(Sample::activeUsers).max().orElse(0));
      }
      case "Spike" -> {
        out.put("kind", "recovery: the after-burst phase against the before-burst phase");
        RequestStats before = RequestStats.of(named(samples, CREATE + " (before)"));
        RequestStats burst = RequestStats.of(named(samples, CREATE + " (burst)"));
        RequestStats after = RequestStats.of(named(samples, CREATE + " (after)"));
        long afterErrors =
            samples.stream().filter(s -> s.request().endsWith("(after)") && !s.ok()).count();
        long allowed =
            Math.max(Math.round(before.latency().p95() * 1.5), before.latency().p95() + 20);
        out.put("before", before.toMap());
        out.put("burst", burst.toMap());
        out.put("after", after.toMap());
        List<Sample> afterCreations = named(samples, CREATE + " (after)");
        List<Sample> afterAll =
            samples.stream().filter(s -> s.request().endsWith("(after)")).toList();
        Optional<Long> recovery =
            LoadAnalysis.recoverySeconds(
                afterCreations, afterAll, allowed, RECOVERY_WINDOW_SECONDS);
        out.put("recoverySeconds", recovery.orElse(null));
        out.put(
            "rule",
            "after the burst: no errors, and within "
                + MAX_RECOVERY_SECONDS
                + " s the p95 of every later "
                + RECOVERY_WINDOW_SECONDS
                + " s window <= max(before p95 x 1.5, before p95 + 20 ms) = "
                + allowed
                + " ms");
        out.put(
            "passed",
            afterErrors == 0
                && after.ok() > 0
                && recovery.filter(seconds -> seconds <= MAX_RECOVERY_SECONDS).isPresent());
      }
      case "SimultaneousCreations" -> {
        out.put("kind", "all creations released at once");
        RequestStats stats = RequestStats.of(creations);
        out.put("creations", creations.size());
        out.put("allAnsweredWithinSeconds", Math.round(stats.seconds() * 10) / 10.0);
      }
      default -> out.put("kind", "closed model: figures above");
    }
    return out;
  }

  private static List<Sample> named(List<Sample> samples, String name) {
    return samples.stream().filter(s -> s.request().equals(name)).toList();
  }

  /**
   * Gatling's assertion results, from the lines it prints at the end of a run, e.g. {@code POST
   * /reservations: 95th percentile of response time is less than or equal to 100.0 : true (actual :
   * 41.0)}.
   */
  private static List<Map<String, Object>> gatlingAssertions(String logFile) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    if (logFile == null || !Files.isRegularFile(Path.of(logFile))) {
      return out;
    }
    for (String line : Files.readAllLines(Path.of(logFile))) {
      Matcher m = ASSERTION.matcher(line.strip());
      if (m.matches()) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("assertion", m.group(1));
        map.put("passed", Boolean.parseBoolean(m.group(2)));
        map.put("actual", m.group(3));
        out.add(map);
      }
    }
    return out;
  }

  private static JsonNode readJson(String file) {
    if (file == null || file.isBlank() || !Files.isRegularFile(Path.of(file))) {
      return null;
    }
    try {
      return JSON.readTree(Path.of(file).toFile());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void printWebhooks(JsonNode webhooks) {
    if (webhooks == null) {
      System.out.printf(Locale.ROOT, " %-11s no summary from the receiver%n", "webhooks");
      return;
    }
    JsonNode latency = webhooks.path("changeToReceived");
    System.out.printf(
        Locale.ROOT,
        " %-11s status change -> webhook received p50 %d ms, p95 %d ms, p99 %d ms (n=%d);%n"
            + " %-11s %d of %d changes heard, %d repeats, %d out of order, %d bad signatures%n",
        "webhooks",
        latency.path("p50Millis").asLong(),
        latency.path("p95Millis").asLong(),
        latency.path("p99Millis").asLong(),
        latency.path("count").asLong(),
        "",
        webhooks.path("expectedChanges").asLong() - webhooks.path("missing").asLong(),
        webhooks.path("expectedChanges").asLong(),
        webhooks.path("repeats").asLong(),
        webhooks.path("reservationsOutOfOrder").asLong(),
        webhooks.path("badSignatures").asLong());
  }

  private static void print(
      String simulation,
      RequestStats create,
      RequestStats read,
      RequestStats all,
      Map<String, Object> analysis,
      Map<String, Object> gatling,
      JsonNode integrity,
      Path out,
      boolean noSamples) {
    String rule = "═".repeat(78);
    System.out.println();
    System.out.println(rule);
    System.out.println(" Benchmark summary — " + simulation);
    System.out.println(rule);
    if (noSamples) {
      System.out.println(" no samples: the simulation did not run or did not finish");
    }
    System.out.println(line("creations", create));
    System.out.println(line("reads", read));
    System.out.printf(
        Locale.ROOT,
        " %-11s %d requests in %.1f s = %.1f req/s, errors %d%n",
        "all",
        all.requests(),
        all.seconds(),
        all.requests() / Math.max(0.001, all.seconds()),
        all.errors());
    JsonNode e2e = integrity == null ? null : integrity.get("endToEnd");
    if (e2e != null && !e2e.isNull()) {
      System.out.printf(
          Locale.ROOT,
          " %-11s creation -> SUPPLIER_CONFIRMED p50 %d ms, p95 %d ms, p99 %d ms (n=%d)%n",
          "end-to-end",
          e2e.path("p50Millis").asLong(),
          e2e.path("p95Millis").asLong(),
          e2e.path("p99Millis").asLong(),
          e2e.path("count").asLong());
    } else {
      System.out.printf(
          Locale.ROOT,
          " %-11s not measured: no reservation reached SUPPLIER_CONFIRMED%n",
          "end-to-end");
    }
    if (integrity == null) {
      System.out.printf(Locale.ROOT, " %-11s not run%n", "integrity");
    } else {
      JsonNode r = integrity.path("reservations");
      long skipped = 0;
      long failed = 0;
      List<String> failedNames = new ArrayList<>();
      for (JsonNode c : integrity.path("checks")) {
        String verdict = c.path("verdict").asString();
        if (verdict.equals("SKIPPED")) {
          skipped++;
        } else if (verdict.equals("FAIL")) {
          failed++;
          failedNames.add(c.path("name").asString());
        }
      }
      System.out.printf(
          Locale.ROOT,
          " %-11s %s — created %s, final %s, not final %s; %d checks failed, %d skipped%s%n",
          "integrity",
          integrity.path("passed").asBoolean() ? "PASSED" : "FAILED",
          r.path("created").asString("?"),
          r.path("final").asString("?"),
          r.path("notFinal").asString("?"),
          failed,
          skipped,
          failedNames.isEmpty() ? "" : " " + failedNames);
    }
    Object exit = gatling.get("exitCode");
    System.out.printf(
        Locale.ROOT,
        " %-11s %s%n",
        "gatling",
        Integer.valueOf(0).equals(exit)
            ? "assertions passed"
            : "assertions failed or run failed (exit " + exit + ")");
    System.out.printf(Locale.ROOT, " %-11s %s%n", "analysis", analysisLine(analysis));
    if (gatling.get("report") != null) {
      System.out.printf(Locale.ROOT, " %-11s %s%n", "report", gatling.get("report"));
    }
    System.out.printf(Locale.ROOT, " %-11s %s%n", "results", out);
  }

  private static void printEnvironment(Map<String, String> meta, Object cpu) {
    if (meta.containsKey("machineBusyCpuSeconds")) {
      System.out.printf(
          Locale.ROOT,
          " %-11s machine busy %s s, platform %s s, load generator (Gatling + Maven) %s s"
              + " (load average before: %s)%n",
          "cpu",
          meta.get("machineBusyCpuSeconds"),
          meta.get("platformCpuSeconds"),
          meta.getOrDefault("loadGeneratorCpuSeconds", "?"),
          meta.getOrDefault("loadAverageBefore", "?"));
    }
    if (cpu instanceof Map<?, ?> c) {
      System.out.printf(
          Locale.ROOT,
          " %-11s cores used on average while measured: platform %s, load generator %s,"
              + " other processes %s (max %s)%n",
          "",
          c.get("platformCores"),
          c.get("loadGeneratorCores"),
          c.get("otherCores"),
          c.get("otherCoresMax"));
      if (c.containsKey("platformCpuMsPerMeasuredCreationUntilSettled")) {
        System.out.printf(
            Locale.ROOT,
            " %-11s platform %s ms of CPU per creation from the end of the warm-up until all had"
                + " settled (a backlog's cost included)%n",
            "",
            c.get("platformCpuMsPerMeasuredCreationUntilSettled"));
      }
      if (c.containsKey("platformCpuMsPerMeasuredCreation")) {
        System.out.printf(
            Locale.ROOT,
            " %-11s platform %s ms of CPU per creation while measured (warm-up left out; at a"
                + " rate it keeps up with, comparable with bench/run Floor)%n",
            "",
            c.get("platformCpuMsPerMeasuredCreation"));
      }
      if (c.containsKey("jitCpuMsPerMeasuredCreation")) {
        System.out.printf(
            Locale.ROOT,
            " %-11s of which at least %s ms the JVM's JIT compiler (still compiling: not the work"
                + " of the run, less the longer it runs)%n",
            "",
            c.get("jitCpuMsPerMeasuredCreation"));
      }
    }
    String jfr = meta.get("jfr");
    if (jfr != null && !jfr.isBlank()) {
      System.out.printf(
          Locale.ROOT,
          " %-11s %s (jfr summary / jfr print --events jdk.ExecutionSample)%n",
          "jfr",
          jfr);
    }
    System.out.println("═".repeat(78));
  }

  /**
   * The platform's CPU from the first measured request until every reservation had settled, per
   * reservation created after the warm-up. Unlike the CPU while measured it counts the backlog a
   * saga that fell behind works off after the load stops; unlike {@code bench/run}'s CPU per
   * settled reservation it leaves the warm-up out, which at its lower rate costs more per
   * reservation.
   */
  private static Optional<Double> untilSettledPerCreation(
      CpuTimeline cpu, long from, Map<String, String> meta, List<Sample> creations) {
    long created = creations.stream().filter(Sample::ok).count();
    String sinceStart = meta.get("platformCpuSecondsUntilSettled");
    if (created == 0 || sinceStart == null || sinceStart.isBlank()) {
      return Optional.empty();
    }
    double seconds = cpu.platformCpuSecondsUntilSettled(from, Double.parseDouble(sinceStart));
    return Optional.of(seconds * 1000 / created);
  }

  private static String analysisLine(Map<String, Object> analysis) {
    Object passed = analysis.get("passed");
    String verdict = passed == null ? "" : Boolean.TRUE.equals(passed) ? "PASSED: " : "FAILED: ";
    if (analysis.containsKey("capacityPerSecond")) {
      Object capacity = analysis.get("capacityPerSecond");
      StringBuilder line =
          new StringBuilder(
              "capacity "
                  + (capacity == null ? "below the first step" : capacity + " customers/s"));
      for (Object step : (List<?>) analysis.get("steps")) {
        LoadAnalysis.CapacityStep s = (LoadAnalysis.CapacityStep) step;
        line.append(
            String.format(
                Locale.ROOT,
                "%n             %5.0f/s offered: %5.1f creations/s, POST p95 %d ms, errors %d,"
                    + " end to end p95 %s ms%s",
                s.offeredPerSecond(),
                s.creationsPerSecond(),
                s.postP95Millis(),
                s.errors(),
                s.endToEndP95Millis(),
                s.held() ? " (held)" : ""));
      }
      return line.toString();
    }
    if (analysis.containsKey("breakPoint")) {
      Object b = analysis.get("breakPoint");
      String peak = analysis.containsKey("peak") ? "; peak " + analysis.get("peak") : "";
      return "break point " + b + peak;
    }
    if (analysis.containsKey("allowedLastP95Millis")) {
      return verdict
          + errorsLine(analysis.get("first"), analysis.get("last"))
          + "first-minute p95 "
          + p95(analysis.get("first"))
          + " ms, last-minute p95 "
          + p95(analysis.get("last"))
          + " ms (allowed "
          + analysis.get("allowedLastP95Millis")
          + ")"
          + endToEndLine(analysis)
          + othersLine(analysis.get("cpuFirst"), analysis.get("cpuLast"));
    }
    if (analysis.containsKey("after")) {
      return verdict
          + "p95 before "
          + p95(analysis.get("before"))
          + " ms, burst "
          + p95(analysis.get("burst"))
          + " ms, after "
          + p95(analysis.get("after"))
          + " ms; back at the baseline "
          + (analysis.get("recoverySeconds") == null
              ? "never"
              : analysis.get("recoverySeconds") + " s after the burst")
          + " (limit "
          + MAX_RECOVERY_SECONDS
          + " s)";
    }
    if (analysis.containsKey("allAnsweredWithinSeconds")) {
      return analysis.get("creations")
          + " creations released at once, all answered within "
          + analysis.get("allAnsweredWithinSeconds")
          + " s";
    }
    return String.valueOf(analysis.get("kind"));
  }

  private static String endToEndLine(Map<String, Object> analysis) {
    if (!analysis.containsKey("endToEndTargetMillis")) {
      return "";
    }
    Object p95 = analysis.get("endToEndP95Millis");
    return "; end-to-end p95 "
        + (p95 == null ? "not measured" : p95 + " ms")
        + " (target "
        + analysis.get("endToEndTargetMillis")
        + ")";
  }

  private static String errorsLine(Object first, Object last) {
    long errors = 0;
    for (Object stats : new Object[] {first, last}) {
      if (stats instanceof Map<?, ?> map && map.get("errors") instanceof Number n) {
        errors += n.longValue();
      }
    }
    return errors == 0 ? "" : errors + " failed requests in the first/last minute; ";
  }

  private static String othersLine(Object first, Object last) {
    if (first instanceof Map<?, ?> f && last instanceof Map<?, ?> l) {
      return "; other processes used "
          + f.get("otherCores")
          + " cores in the first minute, "
          + l.get("otherCores")
          + " in the last";
    }
    return "";
  }

  @SuppressWarnings("unchecked")
  private static Object p95(Object stats) {
    if (stats instanceof Map<?, ?> map && map.get("latency") instanceof Map<?, ?> latency) {
      return ((Map<String, Object>) latency).get("p95Millis");
    }
    return "?";
  }

  private static String line(String label, RequestStats s) {
    Percentiles p = s.latency();
    return String.format(
        Locale.ROOT,
        " %-11s %d ok, %d errors%s, %.1f/s; p50 %d ms, p95 %d ms, p99 %d ms, max %d ms",
        label,
        s.ok(),
        s.errors(),
        s.errorsByStatus().isEmpty() ? "" : " " + s.errorsByStatus(),
        s.okPerSecond(),
        p.p50(),
        p.p95(),
        p.p99(),
        p.max());
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      System.err.println(
          "Usage: RunReport --simulation <name> --samples <csv> --out <json>"
              + " [--gatling-dir <dir>] [--gatling-exit <n>] [--gatling-log <file>]"
              + " [--integrity <json>] [--cpu <csv> --clk-tck <n>] [--meta k=v]...");
      System.exit(2);
    }
    return value;
  }

  private static int parseInt(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
