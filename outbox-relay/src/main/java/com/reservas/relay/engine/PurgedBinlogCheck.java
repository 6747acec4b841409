package com.reservas.relay.engine;

import com.reservas.relay.config.RelayProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds stored offsets that point at a binlog file the server no longer has (the relay was down
 * longer than the binlog retention, or someone purged the logs) and forgets them, so that the
 * engine starts as on its first day: a schema snapshot, then streaming from the current position.
 *
 * <p>Debezium's own check does not catch this on MariaDB: it resumes from the stored GTID, which
 * the server still "contains", and fails only while streaming ("Could not find GTID state requested
 * by slave in any binlog files"), on every restart. The file name in the offset is the reliable
 * sign on both servers: binlog files are purged oldest first, so once the offset's file is gone, so
 * are the events after it.
 *
 * <p>The events in the purged files are not in Kafka. The outbox table holds nothing to snapshot
 * (each row is deleted in the transaction that wrote it); every reservation that still waits for
 * one of those events is re-announced by the stuck-reservation policy (docs/reliability.md).
 */
final class PurgedBinlogCheck {

  private static final Pattern FILE = Pattern.compile("\"file\"\\s*:\\s*\"([^\"]+)\"");

  private PurgedBinlogCheck() {}

  /**
   * The binlog file this relay's stored offsets name, when the source server no longer has it.
   *
   * @throws IllegalStateException if the storage or the source database cannot be read
   */
  static Optional<String> purgedFile(RelayProperties properties) {
    Optional<String> stored = storedFile(properties);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    return binlogFiles(properties).contains(stored.get()) ? Optional.empty() : stored;
  }

  /** Deletes this relay's offsets and schema history: the next engine starts afresh. */
  static void forget(RelayProperties properties) {
    try (Connection connection = storage(properties);
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM " + properties.storage().offsetTable());
      statement.executeUpdate("DELETE FROM " + properties.storage().historyTable());
    } catch (SQLException e) {
      throw new IllegalStateException("The relay's offsets cannot be reset: " + e, e);
    }
  }

  private static Optional<String> storedFile(RelayProperties properties) {
    String engine = "\"" + properties.engine().name() + "\"";
    try (Connection connection = storage(properties);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT offset_key, offset_val FROM "
                    + properties.storage().offsetTable()
                    + " ORDER BY record_insert_seq DESC")) {
      while (rows.next()) {
        String key = rows.getString(1);
        String value = rows.getString(2);
        if (key != null && key.contains(engine) && value != null) {
          Matcher file = FILE.matcher(value);
          return file.find() ? Optional.of(file.group(1)) : Optional.empty();
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      throw new IllegalStateException("The relay's offsets cannot be read: " + e, e);
    }
  }

  private static Set<String> binlogFiles(RelayProperties properties) {
    RelayProperties.Database db = properties.database();
    Set<String> files = new HashSet<>();
    try (Connection connection =
            DriverManager.getConnection(
                properties.connector().jdbcUrl(db.host(), db.port(), db.name()),
                db.user(),
                db.password());
        Statement statement = connection.createStatement();
        ResultSet logs = statement.executeQuery("SHOW BINARY LOGS")) {
      while (logs.next()) {
        files.add(logs.getString(1));
      }
      return files;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The source database's binlog files cannot be listed: " + e, e);
    }
  }

  private static Connection storage(RelayProperties properties) throws SQLException {
    return DriverManager.getConnection(
        properties.storageJdbcUrl(), properties.storageUser(), properties.storagePassword());
  }
}
