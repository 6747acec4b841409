package com.reservas.load.traffic;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Settings of a run, from system properties ({@code -Dname=value} on the Maven command line, which
 * the Gatling plugin passes on). Durations are written {@code 90s}, {@code 2m}, {@code 1h} or as
 * plain seconds.
 */
public final class LoadSettings {

  private LoadSettings() {}

  /** The API under load; localhost by default. */
  public static String baseUrl() {
    return text("baseUrl", "http://localhost:8080");
  }

  /** The client's API key (the local run seeds {@code local-demo-key}). */
  public static String apiKey() {
    return text("apiKey", "local-demo-key");
  }

  /**
   * Mean pause of a virtual user before it creates a reservation (the customer filling in the
   * form): uniform between half and one and a half times this. 0 = no pause, every user fires as
   * fast as the API answers.
   */
  public static Duration thinkTime() {
    return Duration.ofMillis(integer("thinkMillis", 1000));
  }

  /** Pause between the creation and the read of the code (the confirmation page loading). */
  public static Duration readDelay() {
    return Duration.ofMillis(integer("readDelayMillis", 200));
  }

  /**
   * Whether virtual users share a pool of keep-alive connections, as the web shop's backend and
   * partner apps do; {@code false} gives each user its own connection (a browser-like client).
   */
  public static boolean shareConnections(boolean fallback) {
    return Boolean.parseBoolean(text("shareConnections", Boolean.toString(fallback)));
  }

  /** Share of creations sent with an {@code Idempotency-Key} (0..1). */
  public static double idempotencyKeyShare() {
    return Double.parseDouble(text("idempotencyKeyShare", "0.3"));
  }

  /** A warm-up before the measured part (the platform's JIT is cold after a start); 0 = none. */
  public static Duration warmUp() {
    return duration("warmUp", Duration.ofMinutes(3));
  }

  /** Where the samples of the run are written for the post-run report. */
  public static Path samplesFile(String simulation) {
    return Path.of(
        text(
            "samplesFile",
            "target/load-samples/" + simulation + "-" + System.currentTimeMillis() + ".csv"));
  }

  public static int integer(String name, int fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
  }

  public static double decimal(String name, double fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : Double.parseDouble(value.strip());
  }

  public static Duration duration(String name, Duration fallback) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    char unit = v.charAt(v.length() - 1);
    if (Character.isDigit(unit)) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    long amount = Long.parseLong(v.substring(0, v.length() - 1));
    return switch (unit) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      default ->
          throw new IllegalArgumentException(name + ": expected e.g. 90s, 2m or 1h, not " + value);
    };
  }

  private static String text(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
