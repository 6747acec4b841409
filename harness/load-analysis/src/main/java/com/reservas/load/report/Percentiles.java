package com.reservas.load.report;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency statistics of a set of measurements (nearest-rank percentiles, exact). */
public record Percentiles(int count, double mean, long p50, long p95, long p99, long max) {

  public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, 0);

  public static Percentiles of(long[] values) {
    if (values.length == 0) {
      return NONE;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return new Percentiles(
        sorted.length,
        Arrays.stream(sorted).average().orElse(0),
        rank(sorted, 50),
        rank(sorted, 95),
        rank(sorted, 99),
        sorted[sorted.length - 1]);
  }

  /** The nearest-rank percentile of sorted values. */
  public static long rank(long[] sorted, double percentile) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** As JSON-friendly fields, the unit appended to each name (e.g. {@code p95Millis}). */
  public Map<String, Object> toMap(String unit) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("count", count);
    map.put("mean" + unit, Math.round(mean * 10) / 10.0);
    map.put("p50" + unit, p50);
    map.put("p95" + unit, p95);
    map.put("p99" + unit, p99);
    map.put("max" + unit, max);
    return map;
  }
}
