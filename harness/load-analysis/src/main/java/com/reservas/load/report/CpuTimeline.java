package com.reservas.load.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The CPU timeline {@code bench/run} samples every few seconds during a simulation: how many cores
 * the platform, the load generator and everything else on the machine used. On a shared machine it
 * tells a slow platform from a busy neighbour.
 */
public record CpuTimeline(List<Point> points) {

  /**
   * One interval: its bounds and the cores each party used on average over it; {@code jit} is the
   * part of the platform's that its JVM's JIT compiler threads used (0 in timelines without it).
   */
  public record Point(
      long startMillis,
      long endMillis,
      double platform,
      double loadGenerator,
      double others,
      double jit) {}

  /**
   * Reads {@code epochMillis,machineBusyTicks,platformTicks,loadGeneratorTicks[,jitTicks]} lines
   * (runs before 2026-12-05 have no {@code jitTicks}).
   */
  public static CpuTimeline read(Path file, int ticksPerSecond) {
    List<long[]> rows = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String[] f = line.split(",");
        if ((f.length == 4 || f.length == 5)
            && !f[0].isEmpty()
            && Character.isDigit(f[0].charAt(0))) {
          long[] row = new long[5];
          for (int i = 0; i < f.length; i++) {
            row[i] = Long.parseLong(f[i]);
          }
          rows.add(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Point> points = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      long[] a = rows.get(i - 1);
      long[] b = rows.get(i);
      double seconds = (b[0] - a[0]) / 1000.0;
      if (seconds <= 0) {
        continue;
      }
      double busy = (b[1] - a[1]) / (double) ticksPerSecond / seconds;
      double platform = Math.max(0, (b[2] - a[2]) / (double) ticksPerSecond / seconds);
      // The load generator's processes change (Maven, then Gatling's JVM): negative deltas are
      // a process that ended, not negative work.
      double loadGenerator = Math.max(0, (b[3] - a[3]) / (double) ticksPerSecond / seconds);
      // A compiler thread the JVM retired took its ticks with it: such an interval counts none.
      double jit = Math.max(0, (b[4] - a[4]) / (double) ticksPerSecond / seconds);
      points.add(
          new Point(
              a[0],
              b[0],
              platform,
              loadGenerator,
              Math.max(0, busy - platform - loadGenerator),
              jit));
    }
    return new CpuTimeline(points);
  }

  /** Mean cores of each party over the intervals that overlap two instants (epoch ms). */
  public Map<String, Object> between(long fromMillis, long toMillis) {
    List<Point> in =
        points.stream()
            .filter(p -> p.startMillis() < toMillis && p.endMillis() > fromMillis)
            .toList();
    return summary(in);
  }

  /**
   * The platform's CPU-seconds between two instants (epoch ms): each interval counted for the part
   * of it that lies between them, so a window that starts mid-interval (the end of a warm-up) takes
   * only its share.
   */
  public double platformCpuSeconds(long fromMillis, long toMillis) {
    return cpuSeconds(fromMillis, toMillis, Point::platform);
  }

  /**
   * The CPU-seconds the platform JVM's JIT compiler threads used between two instants (epoch ms),
   * counted like {@link #platformCpuSeconds}: the part of the platform's CPU that was still
   * compilation, not the work of the run. A lower bound (see {@link Point}).
   */
  public double jitCpuSeconds(long fromMillis, long toMillis) {
    return cpuSeconds(fromMillis, toMillis, Point::jit);
  }

  /**
   * Whether the JIT compiler threads used any CPU in this timeline; timelines without their column
   * (runs before 2026-12-05) never did, so the report leaves the line out for them.
   */
  public boolean hasJit() {
    return points.stream().anyMatch(p -> p.jit() > 0);
  }

  private double cpuSeconds(long fromMillis, long toMillis, ToDoubleFunction<Point> cores) {
    double seconds = 0;
    for (Point p : points) {
      long overlap = Math.min(p.endMillis(), toMillis) - Math.max(p.startMillis(), fromMillis);
      if (overlap > 0) {
        seconds += cores.applyAsDouble(p) * overlap / 1000.0;
      }
    }
    return seconds;
  }

  /**
   * The platform's CPU-seconds from {@code fromMillis} until the run settled, given {@code
   * sinceStartSeconds}, its CPU-seconds from the timeline's first instant until then ({@code
   * bench/run} measures that one with the processes' own counters, after the last reservation
   * settled and the timeline ended). What a backlog costs after the load stops is counted; what the
   * warm-up before {@code fromMillis} cost is not.
   */
  public double platformCpuSecondsUntilSettled(long fromMillis, double sinceStartSeconds) {
    if (points.isEmpty()) {
      return sinceStartSeconds;
    }
    return sinceStartSeconds - platformCpuSeconds(points.get(0).startMillis(), fromMillis);
  }

  public Map<String, Object> summary() {
    return summary(points);
  }

  private static Map<String, Object> summary(List<Point> in) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("intervals", in.size());
    out.put("platformCores", round(in.stream().mapToDouble(Point::platform).average().orElse(0)));
    out.put(
        "loadGeneratorCores",
        round(in.stream().mapToDouble(Point::loadGenerator).average().orElse(0)));
    out.put("otherCores", round(in.stream().mapToDouble(Point::others).average().orElse(0)));
    out.put("otherCoresMax", round(in.stream().mapToDouble(Point::others).max().orElse(0)));
    return out;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
