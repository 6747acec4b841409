package com.reservas.load.report;

import com.reservas.load.samples.Sample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The figures of one kind of request (or of any set of samples): counts, errors by status,
 * throughput over the time the samples span, and latency percentiles of the successful ones.
 */
public record RequestStats(
    long requests,
    long ok,
    long errors,
    Map<String, Long> errorsByStatus,
    double seconds,
    double okPerSecond,
    Percentiles latency) {

  public static RequestStats of(List<Sample> samples) {
    if (samples.isEmpty()) {
      return new RequestStats(0, 0, 0, Map.of(), 0, 0, Percentiles.NONE);
    }
    long first = samples.stream().mapToLong(Sample::startMillis).min().orElse(0);
    long last = samples.stream().mapToLong(Sample::endMillis).max().orElse(first);
    double seconds = Math.max(0.001, (last - first) / 1000.0);
    long ok = samples.stream().filter(Sample::ok).count();
    Map<String, Long> byStatus =
        samples.stream()
            .filter(s -> !s.ok())
            .collect(
                Collectors.groupingBy(
                    s -> s.status() == 0 ? "no response" : Integer.toString(s.status()),
                    TreeMap::new,
                    Collectors.counting()));
    long[] latencies =
        samples.stream().filter(Sample::ok).mapToLong(Sample::latencyMillis).toArray();
    return new RequestStats(
        samples.size(),
        ok,
        samples.size() - ok,
        byStatus,
        seconds,
        ok / seconds,
        Percentiles.of(latencies));
  }

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("requests", requests);
    map.put("ok", ok);
    map.put("errors", errors);
    map.put("errorsByStatus", errorsByStatus);
    map.put("seconds", Math.round(seconds * 10) / 10.0);
    map.put("okPerSecond", Math.round(okPerSecond * 10) / 10.0);
    map.put("latency", latency.toMap("Millis"));
    return map;
  }
}
