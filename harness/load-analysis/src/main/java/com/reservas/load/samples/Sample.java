package com.reservas.load.samples;

import java.util.Locale;

/**
 * One HTTP request as the load generator saw it: one line of the samples file that the simulations
 * write and the post-run report reads. Gatling's own report shows the same requests; this file adds
 * what it cannot slice: time windows, concurrency and the codes that came back.
 *
 * @param request the request's name in the Gatling report (e.g. {@code POST /reservations})
 * @param startMillis when the request started (epoch milliseconds)
 * @param latencyMillis response time; -1 when no response arrived (connection error, timeout)
 * @param status the HTTP status; 0 when no response arrived
 * @param ok whether the request met its checks (e.g. 201 with a code)
 * @param activeUsers virtual users in the scenario when the request started
 * @param code the reservation code it created or read, or empty
 */
public record Sample(
    String request,
    long startMillis,
    long latencyMillis,
    int status,
    boolean ok,
    int activeUsers,
    String code) {

  static final String HEADER = "request,startMillis,latencyMillis,status,ok,activeUsers,code";

  public Sample {
    if (request.indexOf(',') >= 0 || request.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("request names must not contain commas: " + request);
    }
    code = code == null ? "" : code;
  }

  /** Whether a response arrived (whatever its status). */
  public boolean answered() {
    return latencyMillis >= 0;
  }

  /** When the response arrived, or the start time when none did. */
  public long endMillis() {
    return startMillis + Math.max(0, latencyMillis);
  }

  String toCsv() {
    return String.format(
        Locale.ROOT,
        "%s,%d,%d,%d,%s,%d,%s",
        request,
        startMillis,
        latencyMillis,
        status,
        ok,
        activeUsers,
        code);
  }

  static Sample parse(String line) {
    String[] f = line.split(",", -1);
    if (f.length != 7) {
      throw new IllegalArgumentException("Not a sample line: " + line);
    }
    return new Sample(
        f[0],
        Long.parseLong(f[1]),
        Long.parseLong(f[2]),
        Integer.parseInt(f[3]),
        Boolean.parseBoolean(f[4]),
        Integer.parseInt(f[5]),
        f[6]);
  }
}
