package com.reservas.load.integrity;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What to check and where.
 *
 * @param since the run window's start: reservations created at or after it are checked
 * @param samples the load run's samples file (codes the clients got), or null
 * @param settle how long to wait at most for in-flight reservations to become final (0 = no wait)
 * @param stall stop waiting when the not-final count has not dropped for this long
 * @param json where to write the machine-readable result, or null
 * @param deadLettersExpected dead letters are counted but not a failure: a fault longer than every
 *     retry (a 10-minute outage) dead-letters the attempts by design, and the stuck-reservation
 *     policy's reminders settle the reservations; that they all settled, and released what they
 *     held, is what the other checks prove
 */
record IntegrityOptions(
    Instant since,
    Path samples,
    Duration settle,
    Duration stall,
    Path json,
    String jdbcUrl,
    String dbUser,
    String dbPassword,
    String kafka,
    String stripe,
    Map<String, String> parts,
    Duration awaitParts,
    boolean deadLettersExpected) {

  /** The services the pipeline needs besides Kafka, and where they listen by default. */
  static final Map<String, String> DEFAULT_PARTS =
      Map.of(
          "outbox-relay", "127.0.0.1:8085",
          "payment-consumer", "127.0.0.1:8086",
          "provider-consumer", "127.0.0.1:8087",
          "status-projector", "127.0.0.1:8088",
          "supplier-simulator", "127.0.0.1:8091");

  static final String USAGE =
      """
      Usage: IntegrityCheck [options]
        --since <instant>       run window start, ISO-8601 UTC (default: everything)
        --samples <file>        samples CSV of the load run: the codes clients received
        --settle <seconds>      wait up to this long for in-flight reservations to become final (0)
        --stall <seconds>       ... but stop when the not-final count has not dropped for this long (20)
        --json <file>           also write the result as JSON
        --jdbc-url <url>        (jdbc:mariadb://127.0.0.1:3306/reservas)
        --db-user <user>        (root)
        --db-password <pw>      (empty)
        --kafka <servers>       bootstrap servers (127.0.0.1:9092)
        --stripe <url>          Stripe stand-in (http://127.0.0.1:12111)
        --part <name>=<host:port>  where a service of the pipeline listens (outbox-relay 8085,
                                payment-consumer 8086, provider-consumer 8087, status-projector
                                8088, supplier-simulator 8091); a check that needs a service that
                                does not listen is skipped
        --await-parts <seconds> wait up to this long for every part to listen first (0): a part
                                being restarted after a fault is not skipped
        --dead-letters <forbidden|expected>  (forbidden) expected: counted, not a failure, for a
                                fault longer than every retry, which the reminders settle
      Exit status: 0 every check passed or was skipped, 1 a check failed, 2 the database was not
      reachable or the arguments are wrong.
      """;

  static IntegrityOptions parse(String[] args) {
    Instant since = Instant.EPOCH;
    Path samples = null;
    Duration settle = Duration.ZERO;
    Duration stall = Duration.ofSeconds(20);
    Path json = null;
    String jdbcUrl = "jdbc:mariadb://127.0.0.1:3306/reservas";
    String dbUser = "root";
    String dbPassword = "";
    String kafka = "127.0.0.1:9092";
    String stripe = "http://127.0.0.1:12111";
    Map<String, String> parts = new TreeMap<>(DEFAULT_PARTS);
    Duration awaitParts = Duration.ZERO;
    boolean deadLettersExpected = false;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[++i];
      switch (name) {
        case "--since" -> since = Instant.parse(value);
        case "--samples" -> samples = value.isBlank() ? null : Path.of(value);
        case "--settle" -> settle = Duration.ofSeconds(Long.parseLong(value));
        case "--stall" -> stall = Duration.ofSeconds(Long.parseLong(value));
        case "--json" -> json = Path.of(value);
        case "--jdbc-url" -> jdbcUrl = value;
        case "--db-user" -> dbUser = value;
        case "--db-password" -> dbPassword = value;
        case "--kafka" -> kafka = value;
        case "--stripe" -> stripe = value;
        case "--await-parts" -> awaitParts = Duration.ofSeconds(Long.parseLong(value));
        case "--dead-letters" -> {
          if (!value.equals("forbidden") && !value.equals("expected")) {
            throw new IllegalArgumentException("--dead-letters expects forbidden or expected");
          }
          deadLettersExpected = value.equals("expected");
        }
        case "--part" -> {
          String[] kv = value.split("=", 2);
          if (kv.length != 2 || !DEFAULT_PARTS.containsKey(kv[0])) {
            throw new IllegalArgumentException(
                "--part expects <name>=<host:port> with a name of " + DEFAULT_PARTS.keySet());
          }
          parts.put(kv[0], kv[1]);
        }
        default -> throw new IllegalArgumentException("Unknown option " + name);
      }
    }
    return new IntegrityOptions(
        since,
        samples,
        settle,
        stall,
        json,
        jdbcUrl,
        dbUser,
        dbPassword,
        kafka,
        stripe,
        parts,
        awaitParts,
        deadLettersExpected);
  }
}
