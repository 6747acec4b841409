package com.reservas.testsupport;

import com.reservas.local.EmbeddedMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * A fresh, migrated database on the test JVM's one MariaDB server (binlog on). Tests get real SQL,
 * real transactions and real change data capture; each test class its own schema, so classes never
 * see each other's rows. The server starts on first use and stops when the JVM exits.
 */
public final class TestDatabase {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile EmbeddedMariaDb server;

  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  /** Creates a new database and applies the migrations found on the classpath. */
  public static TestDatabase create() {
    String name =
        "reservas_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    server().createDatabase(name);
    TestDatabase database = new TestDatabase(name);
    Flyway.configure()
        .dataSource(database.jdbcUrl(), database.username(), database.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return database;
  }

  /** The shared server, for tests (like the relay's) that need its port or binlog. */
  public static synchronized EmbeddedMariaDb server() {
    if (server == null) {
      EmbeddedMariaDb started =
          EmbeddedMariaDb.start(0, null, List.of("--innodb-flush-log-at-trx-commit=2"));
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "mariadb-shutdown"));
      server = started;
    }
    return server;
  }

  public String name() {
    return name;
  }

  public String jdbcUrl() {
    return server().jdbcUrl(name);
  }

  public String r2dbcUrl() {
    return server().r2dbcUrl(name);
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return server().port();
  }

  public String username() {
    return "root";
  }

  public String password() {
    return "";
  }

  /** A plain JDBC connection, for assertions that read what the services wrote. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), username(), password());
  }
}
