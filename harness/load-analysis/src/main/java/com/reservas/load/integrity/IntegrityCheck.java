package com.reservas.load.integrity;

import com.reservas.load.report.Percentiles;
import com.reservas.load.samples.Sample;
import com.reservas.load.samples.SampleLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The integrity check after a load run (docs/spec.md §9): reads the database, the topics and the
 * Stripe stand-in's books and reports whether every reservation of the run window reached a final
 * status, with no duplicate code, nothing lost, nobody charged twice, no duplicate history row, no
 * outbox row left behind and the events each topic should carry. Parts of the platform that are not
 * running are reported as "skipped: not reachable", never as passed.
 *
 * <p>Run: {@code java -cp "harness/load-analysis/target/classes:$(cat
 * harness/load-analysis/target/classpath.txt)" com.reservas.load.integrity.IntegrityCheck --since
 * 2026-11-29T10:00:00Z}; {@code bench/run} does it after every simulation.
 */
public final class IntegrityCheck {

  private static final String CREATE_REQUEST = "POST /reservations";

  private final IntegrityOptions options;
  private final List<Check> checks = new ArrayList<>();
  private final Map<String, Object> result = new LinkedHashMap<>();
  private Map<String, Boolean> parts = new TreeMap<>();

  /** What the pipeline needs to carry a reservation to a final status. */
  private static final List<String> PIPELINE =
      List.of(
          "kafka",
          "outbox-relay",
          "payment-consumer",
          "provider-consumer",
          "status-projector",
          "supplier-simulator");

  private IntegrityCheck(IntegrityOptions options) {
    this.options = options;
  }

  public static void main(String[] args) {
    System.exit(check(args));
  }

  /**
   * Runs the check with the command line's options and returns its exit status (0 passed, 1 a check
   * failed, 2 unreachable or wrong arguments): for programs that run it in-process, such as the
   * suite's separate-process fault test.
   */
  public static int check(String... args) {
    IntegrityOptions options;
    try {
      options = IntegrityOptions.parse(args);
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.err.print(IntegrityOptions.USAGE);
      return 2;
    }
    return new IntegrityCheck(options).run();
  }

  int run() {
    LocalDateTime since = LocalDateTime.ofInstant(options.since(), ZoneOffset.UTC);
    result.put("since", options.since().toString());
    DatabaseProbe db;
    try {
      db = DatabaseProbe.connect(options.jdbcUrl(), options.dbUser(), options.dbPassword());
    } catch (SQLException e) {
      return unreachableDatabase(e.getMessage());
    }
    try (db;
        TopicSession topics = TopicSession.open(options.kafka())) {
      if (!db.hasSchema()) {
        return unreachableDatabase("no reservation table in " + options.jdbcUrl());
      }
      result.put("kafka", topics.reachable() ? "reachable" : "not reachable: " + topics.error());
      parts = reachableParts();
      if (topics.reachable()) {
        parts.put("kafka", true);
      }
      result.put("parts", parts);
      settle(db, since);
      result.put("checkedAt", Instant.now().toString());

      List<ReservationRow> rows = db.reservations(since);
      summarize(rows);
      finalStatusCheck(rows);
      databaseChecks(db, since, rows);
      clientCodeChecks(db);
      stripeChecks(rows);
      supplierChecks(rows);
      topicChecks(rows, topics);
      endToEnd(db, since);
    } catch (SQLException e) {
      checks.add(new Check("database queries", Verdict.FAIL, "answered", "error", e.getMessage()));
    }
    return finish();
  }

  // --- which parts of the platform run ---------------------------------------------------------

  private Map<String, Boolean> reachableParts() {
    long deadline = System.nanoTime() + options.awaitParts().toNanos();
    Map<String, Boolean> found = new TreeMap<>();
    while (true) {
      options.parts().forEach((name, address) -> found.put(name, listens(address)));
      if (!found.containsValue(false) || System.nanoTime() >= deadline) {
        break;
      }
      sleep(Duration.ofSeconds(1));
    }
    found.put("kafka", false);
    return found;
  }

  private static boolean listens(String address) {
    int colon = address.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
          1000);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Null when every part named runs, else "not reachable: ..." naming the missing ones. */
  private String missing(List<String> needed) {
    List<String> absent = needed.stream().filter(n -> !parts.getOrDefault(n, false)).toList();
    if (absent.isEmpty()) {
      return null;
    }
    return "not reachable: "
        + absent.stream()
            .map(n -> n.equals("kafka") ? "Kafka at " + options.kafka() : n + " at " + address(n))
            .collect(Collectors.joining(", "));
  }

  private String address(String part) {
    return options.parts().getOrDefault(part, "?");
  }

  // --- settling -------------------------------------------------------------------------------

  private void settle(DatabaseProbe db, LocalDateTime since) throws SQLException {
    if (options.settle().isZero()) {
      return;
    }
    String absent = missing(PIPELINE);
    if (absent != null) {
      System.out.println(
          "Settling skipped: the pipeline is incomplete ("
              + absent
              + "), so reservations do not reach a final status.");
      result.put("settle", Map.of("skipped", absent));
      return;
    }
    long start = System.nanoTime();
    long deadline = start + options.settle().toNanos();
    long lastDrop = start;
    long last = db.notFinal(since);
    long first = last;
    System.out.printf(Locale.ROOT, "Settling: %d reservations not final yet%n", last);
    while (last > 0
        && System.nanoTime() < deadline
        && System.nanoTime() - lastDrop < options.stall().toNanos()) {
      sleep(Duration.ofSeconds(1));
      long now = db.notFinal(since);
      if (now < last) {
        lastDrop = System.nanoTime();
      }
      last = now;
    }
    double waited = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT, "Settled after %.1f s: %d not final (was %d)%n", waited, last, first);
    result.put(
        "settle",
        Map.of(
            "waitedSeconds",
            Math.round(waited * 10) / 10.0,
            "notFinalBefore",
            first,
            "notFinalAfter",
            last));
  }

  // --- checks ---------------------------------------------------------------------------------

  private void summarize(List<ReservationRow> rows) {
    long finals = rows.stream().filter(ReservationRow::isFinal).count();
    Map<String, Long> byStatus =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    ReservationRow::statuses, TreeMap::new, Collectors.counting()));
    Map<String, Object> reservations = new LinkedHashMap<>();
    reservations.put("created", rows.size());
    reservations.put("final", finals);
    reservations.put("confirmed", rows.stream().filter(ReservationRow::isConfirmed).count());
    reservations.put("cancelled", rows.stream().filter(ReservationRow::isCancelled).count());
    reservations.put("notFinal", rows.size() - finals);
    reservations.put("byStatus", byStatus);
    result.put("reservations", reservations);
  }

  private void finalStatusCheck(List<ReservationRow> rows) {
    String name = "reservations that reached a final status";
    String absent = missing(PIPELINE);
    if (absent != null) {
      checks.add(Check.skipped(name, absent + " (the pipeline that finishes reservations)"));
      return;
    }
    List<ReservationRow> pending = rows.stream().filter(r -> !r.isFinal()).toList();
    checks.add(
        new Check(
            name,
            pending.isEmpty() ? Verdict.PASS : Verdict.FAIL,
            Integer.toString(rows.size()),
            Long.toString(rows.size() - pending.size()),
            examples(pending.stream().map(r -> r.code() + " " + r.statuses()).toList())));
  }

  private void databaseChecks(DatabaseProbe db, LocalDateTime since, List<ReservationRow> rows)
      throws SQLException {
    checks.add(
        Check.expectZero(
            "duplicate reservation codes (database)",
            db.duplicateCodeCount(),
            examples(db.duplicateCodes())));
    checks.add(
        Check.expectZero(
            "duplicate history rows",
            db.duplicateHistoryCount(),
            examples(db.duplicateHistoryExamples())));
    List<String> missing = db.missingHistory(since);
    checks.add(
        Check.expectZero(
            "reservations without a history row for CREATED or their status",
            missing.size(),
            examples(missing)));
    checks.add(Check.expectZero("outbox rows left behind", db.outboxRows(), ""));
    String held = "cancelled reservations whose payment is still AUTHORIZED or CAPTURED";
    String absent = missing(PIPELINE);
    if (absent == null) {
      List<String> holding =
          rows.stream()
              .filter(ReservationRow::isCancelled)
              .filter(
                  r ->
                      "AUTHORIZED".equals(r.paymentStatus())
                          || "CAPTURED".equals(r.paymentStatus()))
              .map(r -> r.code() + " " + r.statuses())
              .toList();
      checks.add(Check.expectZero(held, holding.size(), examples(holding)));
    } else {
      checks.add(Check.skipped(held, absent));
    }
  }

  /** What the clients were told (201 + code) against what the database holds. */
  private void clientCodeChecks(DatabaseProbe db) throws SQLException {
    String twice = "codes answered to two creations";
    String lost = "created reservations (201) missing from the database";
    Path file = options.samples();
    if (file == null || !Files.isRegularFile(file)) {
      String why = file == null ? "no --samples file given" : "no samples file at " + file;
      checks.add(Check.skipped(twice, why));
      checks.add(Check.skipped(lost, why));
      return;
    }
    Map<String, Integer> answered = new HashMap<>();
    for (Sample s : SampleLog.read(file)) {
      if (s.ok() && s.request().startsWith(CREATE_REQUEST) && !s.code().isEmpty()) {
        answered.merge(s.code(), 1, Integer::sum);
      }
    }
    List<String> repeated =
        answered.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    checks.add(Check.expectZero(twice, repeated.size(), examples(repeated)));
    Set<String> existing = db.existing(answered.keySet());
    List<String> missing =
        answered.keySet().stream().filter(Predicate.not(existing::contains)).sorted().toList();
    checks.add(Check.expectZero(lost, missing.size(), examples(missing)));
    result.put("clientCreations", answered.size());
  }

  private void stripeChecks(List<ReservationRow> rows) {
    List<String> names =
        List.of(
            "reservations charged more than once (Stripe stand-in)",
            "final reservations with an authorization neither captured nor voided",
            "cancelled reservations whose capture was not refunded",
            "confirmed reservations never captured at Stripe");
    Map<String, StripeProbe.Charges> charges;
    try {
      charges = StripeProbe.charges(options.stripe());
    } catch (IOException e) {
      unreachable("stripe", names, "Stripe stand-in at " + options.stripe() + " (" + e + ")");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    result.put("stripe", "reachable");
    List<String> twice = new ArrayList<>();
    List<String> open = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    List<String> uncaptured = new ArrayList<>();
    for (ReservationRow r : rows) {
      StripeProbe.Charges c = charges.getOrDefault(r.code(), StripeProbe.Charges.NONE);
      if (c.chargedMoreThanOnce()) {
        twice.add(r.code() + " " + c);
      }
      if (r.isFinal() && c.authorizationLeftOpen()) {
        open.add(r.code() + " " + r.statuses() + " " + c);
      }
      if (r.isCancelled() && c.moneyKept()) {
        kept.add(r.code() + " " + c);
      }
      if (r.isConfirmed() && c.captures() == 0) {
        uncaptured.add(r.code());
      }
    }
    checks.add(Check.expectZero(names.get(0), twice.size(), examples(twice)));
    checks.add(Check.expectZero(names.get(1), open.size(), examples(open)));
    checks.add(Check.expectZero(names.get(2), kept.size(), examples(kept)));
    checks.add(Check.expectZero(names.get(3), uncaptured.size(), examples(uncaptured)));
  }

  /** A stand-in that does not answer: its checks are skipped, saying why. */
  private void unreachable(String part, List<String> names, String what) {
    names.forEach(n -> checks.add(Check.skipped(n, "not reachable: " + what)));
    result.put(part, "not reachable");
  }

  private void supplierChecks(List<ReservationRow> rows) {
    List<String> names =
        List.of(
            "reservations booked more than once (supplier simulator)",
            "cancelled reservations whose car is still booked",
            "confirmed reservations without a booking held at the supplier");
    String supplier = "http://" + options.parts().get("supplier-simulator");
    Map<String, SupplierProbe.Bookings> bookings;
    try {
      bookings = SupplierProbe.bookings(supplier);
    } catch (IOException e) {
      unreachable("supplier", names, "supplier simulator at " + supplier + " (" + e + ")");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    result.put("supplier", "reachable");
    List<String> twice = new ArrayList<>();
    List<String> held = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (ReservationRow r : rows) {
      SupplierProbe.Bookings b = bookings.getOrDefault(r.code(), SupplierProbe.Bookings.NONE);
      if (b.made() > 1) {
        twice.add(r.code() + " " + b);
      }
      if (r.isCancelled() && b.held() > 0) {
        held.add(r.code() + " " + b);
      }
      if (r.isConfirmed() && b.held() != 1) {
        missing.add(r.code() + " " + b);
      }
    }
    checks.add(Check.expectZero(names.get(0), twice.size(), examples(twice)));
    checks.add(Check.expectZero(names.get(1), held.size(), examples(held)));
    checks.add(Check.expectZero(names.get(2), missing.size(), examples(missing)));
  }

  private void topicChecks(List<ReservationRow> rows, TopicSession session) {
    record Expectation(
        String topic, String what, String producer, Predicate<ReservationRow> needsEvent) {}
    List<Expectation> expectations =
        List.of(
            new Expectation(
                "reservations.events", "created reservations", "outbox-relay", r -> true),
            new Expectation(
                "payments.events",
                "reservations the payment consumer acted on",
                "payment-consumer",
                ReservationRow::paymentTouched),
            new Expectation(
                "suppliers.events",
                "reservations the supplier answered",
                "provider-consumer",
                ReservationRow::supplierAnswered));
    String deadLetters = "dead letters and invalid outbox rows in the run window";
    if (!session.reachable()) {
      String why = missing(List.of("kafka"));
      expectations.forEach(
          e -> checks.add(Check.skipped(e.topic() + ": " + e.what() + " without an event", why)));
      checks.add(Check.skipped(deadLetters, why));
      return;
    }
    TopicProbe probe = session.probe();
    long since = options.since().toEpochMilli();
    Map<String, Object> topics = new TreeMap<>();
    for (String topic : probe.topics()) {
      if (!topic.startsWith("__")) {
        topics.put(topic, probe.countSince(topic, since));
      }
    }
    for (Expectation e : expectations) {
      List<String> expected =
          rows.stream().filter(e.needsEvent()).map(ReservationRow::code).toList();
      String name = e.topic() + ": " + e.what() + " without an event";
      String absent = missing(List.of(e.producer()));
      if (absent != null) {
        checks.add(Check.skipped(name, absent + " (it writes " + e.topic() + ")"));
        continue;
      }
      if (!probe.topics().contains(e.topic())) {
        checks.add(
            new Check(
                name,
                expected.isEmpty() ? Verdict.PASS : Verdict.FAIL,
                "0",
                Integer.toString(expected.size()),
                "topic " + e.topic() + " does not exist"));
        continue;
      }
      TopicProbe.TopicContent content = probe.read(e.topic(), since, Duration.ofSeconds(120));
      List<String> missing =
          expected.stream().filter(Predicate.not(content.keys()::contains)).toList();
      checks.add(
          Check.expectZero(
              name,
              missing.size(),
              String.format(
                      Locale.ROOT,
                      "%d records, %d keys, expected >= %d; ",
                      content.records(),
                      content.keys().size(),
                      expected.size())
                  + content.eventTypes()
                  + (missing.isEmpty() ? "" : "; e.g. " + examples(missing))));
      topics.put(
          e.topic(),
          Map.of(
              "records",
              content.records(),
              "keys",
              content.keys().size(),
              "expectedKeysAtLeast",
              expected.size(),
              "eventTypes",
              content.eventTypes()));
    }
    Map<String, Long> dead = new TreeMap<>();
    for (String topic : probe.topics()) {
      if (isDeadLetterTopic(topic)) {
        long count = probe.countSince(topic, since);
        if (count > 0) {
          dead.put(topic, count);
        }
      }
    }
    long deadCount = dead.values().stream().mapToLong(Long::longValue).sum();
    checks.add(
        options.deadLettersExpected()
            ? new Check(
                deadLetters,
                Verdict.PASS,
                "any (expected for this fault)",
                Long.toString(deadCount),
                dead.isEmpty() ? "" : dead.toString())
            : Check.expectZero(deadLetters, deadCount, dead.isEmpty() ? "" : dead.toString()));
    result.put("topics", topics);
  }

  static boolean isDeadLetterTopic(String topic) {
    String t = topic.toLowerCase(Locale.ROOT);
    return t.endsWith("-dlt") || t.endsWith(".dlt") || t.equals("outbox.invalid");
  }

  /** Creation → SUPPLIER_CONFIRMED from the history rows' times ({@link #endToEndFigures}). */
  private void endToEnd(DatabaseProbe db, LocalDateTime since) throws SQLException {
    result.put(
        "endToEnd", endToEndFigures(db.creationToConfirmationMillis(since), measuredCreations()));
  }

  /**
   * The figures of creation → SUPPLIER_CONFIRMED, by reservation code. With the measured creations
   * (code → request name, from a samples file) only they count, not the warm-up's, and each request
   * name gets its own figures ({@code byRequest}: the steps of {@code Capacity}, also when there is
   * only one). Null when no reservation counts.
   */
  static Map<String, Object> endToEndFigures(Map<String, Long> all, Map<String, String> measured) {
    Percentiles e2e =
        Percentiles.of(
            all.entrySet().stream()
                .filter(e -> measured == null || measured.containsKey(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .toArray());
    if (e2e.count() == 0) {
      return null;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("measure", "history CREATED.at -> SUPPLIER_CONFIRMED.at");
    map.put(
        "population",
        measured == null
            ? "every confirmed reservation of the window"
            : "the measured creations' confirmed reservations (warm-up excluded)");
    map.putAll(e2e.toMap("Millis"));
    if (measured != null) {
      Map<String, List<Long>> byRequest = new TreeMap<>();
      all.forEach(
          (code, millis) -> {
            String request = measured.get(code);
            if (request != null) {
              byRequest.computeIfAbsent(request, r -> new ArrayList<>()).add(millis);
            }
          });
      Map<String, Object> figures = new LinkedHashMap<>();
      byRequest.forEach(
          (request, millis) ->
              figures.put(
                  request,
                  Percentiles.of(millis.stream().mapToLong(Long::longValue).toArray())
                      .toMap("Millis")));
      map.put("byRequest", figures);
    }
    return map;
  }

  /**
   * The measured (not warm-up) creations' codes, each with its request name; null without a samples
   * file.
   */
  private Map<String, String> measuredCreations() {
    Path file = options.samples();
    if (file == null || !Files.isRegularFile(file)) {
      return null;
    }
    return SampleLog.read(file).stream()
        .filter(s -> s.ok() && s.request().startsWith(CREATE_REQUEST))
        .filter(s -> !s.request().contains("(warm-up)"))
        .collect(Collectors.toMap(Sample::code, Sample::request, (first, second) -> first));
  }

  // --- output ---------------------------------------------------------------------------------

  private int unreachableDatabase(String why) {
    System.out.println("Integrity check: the database is not reachable at " + options.jdbcUrl());
    System.out.println("  " + why);
    result.put("database", "not reachable: " + why);
    result.put("passed", false);
    writeJson();
    return 2;
  }

  private int finish() {
    boolean passed = checks.stream().noneMatch(c -> c.verdict() == Verdict.FAIL);
    result.put("database", "reachable");
    result.put("checks", checks.stream().map(Check::toMap).toList());
    result.put("passed", passed);
    print(passed);
    writeJson();
    return passed ? 0 : 1;
  }

  @SuppressWarnings("unchecked")
  private void print(boolean passed) {
    System.out.println();
    System.out.println("Integrity check — reservations created since " + options.since());
    Object summary = result.get("reservations");
    if (summary instanceof Map<?, ?> map) {
      Map<String, Object> r = (Map<String, Object>) map;
      System.out.printf(
          Locale.ROOT,
          "  created %s, final %s (confirmed %s, cancelled %s), not final %s%n",
          r.get("created"),
          r.get("final"),
          r.get("confirmed"),
          r.get("cancelled"),
          r.get("notFinal"));
      System.out.println("  by status/payment/supplier: " + r.get("byStatus"));
    }
    for (Check c : checks) {
      String figures =
          c.verdict() == Verdict.SKIPPED
              ? ""
              : "  "
                  + c.actual()
                  + (c.expected().isEmpty() ? "" : " (expected " + c.expected() + ")");
      System.out.printf(Locale.ROOT, "  %-8s %s%s%n", c.verdict(), c.name(), figures);
      if (!c.detail().isEmpty() && c.verdict() != Verdict.PASS) {
        System.out.println("           " + c.detail());
      }
    }
    Object e2e = result.get("endToEnd");
    System.out.println(
        "  end-to-end (creation -> SUPPLIER_CONFIRMED): "
            + (e2e == null ? "no confirmed reservation in the window" : e2e));
    long skipped = checks.stream().filter(c -> c.verdict() == Verdict.SKIPPED).count();
    System.out.println(
        "  => "
            + (passed ? "PASSED" : "FAILED")
            + (skipped == 0
                ? ""
                : " (" + skipped + " checks skipped: not verified, their part is not running)"));
  }

  private void writeJson() {
    if (options.json() == null) {
      return;
    }
    try {
      Path parent = options.json().toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build()
          .writeValue(options.json().toFile(), result);
    } catch (IOException | RuntimeException e) {
      System.err.println("Cannot write " + options.json() + ": " + e.getMessage());
    }
  }

  private static String examples(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    return "e.g. "
        + items.stream().limit(5).collect(Collectors.joining(", "))
        + (items.size() > 5 ? " (" + items.size() + " in all)" : "");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
