package com.reservas.load.report;

import com.reservas.load.samples.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time-sliced analyses Gatling's report does not give: the break point of a ramp, the drift
 * between the first and last minute of a sustained load, the recovery after a spike.
 */
public final class LoadAnalysis {

  private static final Pattern STEP = Pattern.compile("\\(step ([0-9.]+)/s\\)");

  private LoadAnalysis() {}

  /**
   * One step of a capacity run.
   *
   * @param offeredPerSecond the customers per second the step offered
   * @param creationsPerSecond the successful creations per second it got
   * @param endToEndP95Millis creation → {@code SUPPLIER_CONFIRMED} p95 of the step's creations;
   *     null when none was confirmed
   * @param held whether every target held for the whole step
   */
  public record CapacityStep(
      double offeredPerSecond,
      double creationsPerSecond,
      long postP95Millis,
      long errors,
      Long endToEndP95Millis,
      boolean held) {}

  /**
   * The steps of a capacity run in the order of their rates, from the creations' request names
   * ("... (step 40/s)") and the end-to-end p95 of each name; a step holds when {@code POST} p95 ≤
   * {@code postTargetMillis}, end-to-end p95 ≤ {@code endToEndTargetMillis} and no request failed.
   */
  public static List<CapacityStep> capacitySteps(
      List<Sample> creations,
      List<Sample> all,
      Map<String, Long> endToEndP95ByRequest,
      long postTargetMillis,
      long endToEndTargetMillis) {
    Map<Double, List<Sample>> byRate = new TreeMap<>();
    Map<Double, String> names = new TreeMap<>();
    for (Sample creation : creations) {
      Matcher step = STEP.matcher(creation.request());
      if (step.find()) {
        double rate = Double.parseDouble(step.group(1));
        byRate.computeIfAbsent(rate, r -> new ArrayList<>()).add(creation);
        names.put(rate, creation.request());
      }
    }
    List<CapacityStep> steps = new ArrayList<>();
    byRate.forEach(
        (rate, samples) -> {
          String phase = names.get(rate).substring(names.get(rate).indexOf(" ("));
          long errors = all.stream().filter(s -> s.request().endsWith(phase) && !s.ok()).count();
          long ok = samples.stream().filter(Sample::ok).count();
          long first = samples.stream().mapToLong(Sample::startMillis).min().orElse(0);
          long last = samples.stream().mapToLong(Sample::startMillis).max().orElse(first);
          double seconds = Math.max(1.0, (last - first) / 1000.0);
          long p95 =
              Percentiles.of(
                      samples.stream()
                          .filter(Sample::ok)
                          .mapToLong(Sample::latencyMillis)
                          .toArray())
                  .p95();
          Long endToEnd = endToEndP95ByRequest.get(names.get(rate));
          boolean held =
              errors == 0
                  && p95 <= postTargetMillis
                  && endToEnd != null
                  && endToEnd <= endToEndTargetMillis;
          steps.add(
              new CapacityStep(
                  rate, Math.round(ok / seconds * 10) / 10.0, p95, errors, endToEnd, held));
        });
    return steps;
  }

  /** The highest offered rate of a step that held, if any did. */
  public static Optional<Double> capacity(List<CapacityStep> steps) {
    return steps.stream()
        .filter(CapacityStep::held)
        .map(CapacityStep::offeredPerSecond)
        .reduce(Math::max);
  }

  /**
   * A window of the run where the target was first missed.
   *
   * @param offsetSeconds seconds after the measured part started
   * @param activeUsers the median number of virtual users active in the window
   * @param creationsPerSecond successful creations per second in the window
   * @param p95Millis creations' p95 in the window
   * @param errors failed requests in the window
   */
  public record BreakPoint(
      long offsetSeconds,
      int activeUsers,
      double creationsPerSecond,
      long p95Millis,
      long errors,
      String reason) {}

  /** The best window of the run: the most successful creations per second. */
  public record Peak(
      long offsetSeconds, int activeUsers, double creationsPerSecond, long p95Millis) {}

  /**
   * Slides a window of {@code windowSeconds} over the run, second by second, and returns the first
   * window where the creations' p95 exceeds {@code targetMillis} or a request failed, and keeps
   * doing so for the {@code sustain} windows that follow (a lone slow second is not a break).
   */
  public static Optional<BreakPoint> breakPoint(
      List<Sample> creations, List<Sample> all, long targetMillis, int windowSeconds, int sustain) {
    List<Window> windows = windows(creations, all, windowSeconds);
    for (int i = 0; i < windows.size(); i++) {
      Window w = windows.get(i);
      boolean sustained = true;
      for (int j = i; j < Math.min(windows.size(), i + 1 + sustain) && sustained; j++) {
        sustained = windows.get(j).misses(targetMillis);
      }
      if (sustained) {
        String reason =
            w.errors > 0
                ? w.errors + " failed requests"
                : "p95 " + w.p95 + " ms > " + targetMillis + " ms";
        return Optional.of(
            new BreakPoint(w.offset, w.users, w.creationsPerSecond, w.p95, w.errors, reason));
      }
    }
    return Optional.empty();
  }

  /** The window with the most successful creations per second. */
  public static Optional<Peak> peak(List<Sample> creations, List<Sample> all, int windowSeconds) {
    Window best = null;
    for (Window w : windows(creations, all, windowSeconds)) {
      if (best == null || w.creationsPerSecond > best.creationsPerSecond) {
        best = w;
      }
    }
    return Optional.ofNullable(best)
        .map(w -> new Peak(w.offset, w.users, w.creationsPerSecond, w.p95));
  }

  /**
   * The first and last {@code sliceSeconds} of the run (by request start), each with its stats; if
   * the run is shorter than two slices, its first and last thirds.
   */
  public static Map<String, Object> drift(
      List<Sample> creations, int sliceSeconds, double ratio, long slackMillis) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (creations.isEmpty()) {
      out.put("passed", false);
      out.put("reason", "no creations");
      return out;
    }
    long first = creations.get(0).startMillis();
    long last = creations.get(creations.size() - 1).startMillis();
    long slice = sliceSeconds * 1000L;
    if (last - first < 2 * slice) {
      slice = Math.max(1, (last - first) / 3);
    }
    long sliceEnd = first + slice;
    long lastStart = last - slice;
    RequestStats head =
        RequestStats.of(creations.stream().filter(s -> s.startMillis() < sliceEnd).toList());
    RequestStats tail =
        RequestStats.of(creations.stream().filter(s -> s.startMillis() >= lastStart).toList());
    long allowed =
        Math.max(Math.round(head.latency().p95() * ratio), head.latency().p95() + slackMillis);
    boolean passed = tail.latency().p95() <= allowed && head.errors() == 0 && tail.errors() == 0;
    out.put("sliceSeconds", slice / 1000.0);
    out.put("first", head.toMap());
    out.put("last", tail.toMap());
    out.put(
        "rule",
        "last p95 <= max(first p95 x "
            + ratio
            + ", first p95 + "
            + slackMillis
            + " ms), no errors");
    out.put("allowedLastP95Millis", allowed);
    out.put("passed", passed);
    return out;
  }

  /**
   * Seconds after the start of {@code creations} until latency is back: the offset of the first
   * {@code windowSeconds} window from which every later window has a p95 within {@code
   * allowedMillis} and no failed request. Empty when the run ends before that.
   */
  public static Optional<Long> recoverySeconds(
      List<Sample> creations, List<Sample> all, long allowedMillis, int windowSeconds) {
    List<Window> windows = windows(creations, all, windowSeconds);
    int firstOfTail = windows.size();
    while (firstOfTail > 0 && !windows.get(firstOfTail - 1).misses(allowedMillis)) {
      firstOfTail--;
    }
    return firstOfTail < windows.size()
        ? Optional.of(windows.get(firstOfTail).offset)
        : Optional.empty();
  }

  private record Window(long offset, int users, double creationsPerSecond, long p95, long errors) {

    boolean misses(long targetMillis) {
      return errors > 0 || p95 > targetMillis;
    }
  }

  private static List<Window> windows(List<Sample> creations, List<Sample> all, int windowSeconds) {
    List<Window> out = new ArrayList<>();
    if (creations.isEmpty()) {
      return out;
    }
    long start = creations.get(0).startMillis();
    long end = creations.get(creations.size() - 1).startMillis();
    for (long from = start; from + windowSeconds * 1000L <= end + 1000; from += 1000) {
      long lo = from;
      long hi = from + windowSeconds * 1000L;
      List<Sample> inWindow =
          creations.stream().filter(s -> s.startMillis() >= lo && s.startMillis() < hi).toList();
      if (inWindow.isEmpty()) {
        continue;
      }
      long errors =
          all.stream()
              .filter(s -> s.startMillis() >= lo && s.startMillis() < hi && !s.ok())
              .count();
      long ok = inWindow.stream().filter(Sample::ok).count();
      long[] latencies =
          inWindow.stream().filter(Sample::ok).mapToLong(Sample::latencyMillis).toArray();
      int[] users = inWindow.stream().mapToInt(Sample::activeUsers).sorted().toArray();
      out.add(
          new Window(
              (from - start) / 1000,
              users[users.length / 2],
              ok / (double) windowSeconds,
              Percentiles.of(latencies).p95(),
              errors));
    }
    return out;
  }
}
