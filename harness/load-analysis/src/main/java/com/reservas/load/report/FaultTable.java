package com.reservas.load.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table of docs/reliability.md ("Faults on separate processes") from the results chaos/run
 * writes: one row per run, oldest first, each with the command that reproduces it.
 *
 * <p>{@code java -cp ... com.reservas.load.report.FaultTable chaos/results}
 */
public final class FaultTable {

  static final String HEADER =
      """
      | scenario | acknowledged | lost | not final | charged twice | booked twice | holds left \
      | duplicate history | dead letters | recovery (s) | slowest creation in the fault (ms) \
      | integrity | command |
      |---|---|---|---|---|---|---|---|---|---|---|---|---|""";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FaultTable() {}

  public static void main(String[] args) throws IOException {
    Path results = Path.of(args.length > 0 ? args[0] : "chaos/results");
    System.out.println(table(results));
  }

  static String table(Path results) throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(results)) {
      files = listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<String> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Path file : files) {
      rows.add(row(JSON.readTree(file.toFile())));
    }
    return String.join("\n", rows);
  }

  /** One run as a row; a figure the run did not measure is a dash. */
  static String row(JsonNode run) {
    JsonNode integrity = run.path("integrity");
    String scenario = run.path("scenario").asString();
    return String.join(
        " | ",
        "| `" + scenario + "`",
        number(integrity.path("clientCreations")),
        check(integrity, "created reservations (201) missing from the database"),
        number(integrity.path("reservations").path("notFinal")),
        check(integrity, "reservations charged more than once (Stripe stand-in)"),
        check(integrity, "reservations booked more than once (supplier simulator)"),
        holds(integrity),
        check(integrity, "duplicate history rows"),
        check(integrity, "dead letters and invalid outbox rows in the run window"),
        number(run.path("recoverySeconds")),
        positive(run.path("maxCreationMillisDuringFault")),
        verdict(integrity),
        "`chaos/run " + scenario + "` |");
  }

  /** Authorizations, captures and bookings held by reservations that should hold none. */
  private static String holds(JsonNode integrity) {
    long total = 0;
    boolean any = false;
    for (String name :
        List.of(
            "cancelled reservations whose payment is still AUTHORIZED or CAPTURED",
            "final reservations with an authorization neither captured nor voided",
            "cancelled reservations whose capture was not refunded",
            "cancelled reservations whose car is still booked")) {
      String actual = check(integrity, name);
      if (!actual.equals("—")) {
        total += Long.parseLong(actual);
        any = true;
      }
    }
    return any ? Long.toString(total) : "—";
  }

  private static String check(JsonNode integrity, String name) {
    for (JsonNode check : integrity.path("checks")) {
      if (name.equals(check.path("name").asString())
          && !"SKIPPED".equals(check.path("verdict").asString())) {
        return check.path("actual").asString();
      }
    }
    return "—";
  }

  private static String verdict(JsonNode integrity) {
    if (integrity.isMissingNode() || integrity.isNull()) {
      return "no result";
    }
    for (JsonNode check : integrity.path("checks")) {
      if ("SKIPPED".equals(check.path("verdict").asString())) {
        return "not proven: checks skipped";
      }
    }
    return integrity.path("passed").asBoolean() ? "passed" : "**failed**";
  }

  private static String number(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return "—";
    }
    return value.isIntegralNumber()
        ? Long.toString(value.asLong())
        : String.format(Locale.ROOT, "%.1f", value.asDouble());
  }

  private static String positive(JsonNode value) {
    return value.isNumber() && value.asLong() > 0 ? Long.toString(value.asLong()) : "—";
  }
}
