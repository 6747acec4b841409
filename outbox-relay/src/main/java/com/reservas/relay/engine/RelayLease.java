package com.reservas.relay.engine;

import com.reservas.relay.config.RelayProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The right to stream: a MySQL/MariaDB named lock ({@code GET_LOCK}) on the storage database, held
 * by one connection for as long as this relay streams.
 *
 * <p>Two relays on one offsets table (a {@code kubectl scale}, a node that comes back, an operator
 * starting a second one) would read the binlog twice under one replica id and overwrite each
 * other's offsets. With the lease the second one waits as a hot standby. The server releases a
 * named lock when its connection ends, so a relay that dies (kill -9, a lost node) hands over at
 * once, without a lease expiry to wait for; a relay whose lock connection was cut (while its binlog
 * connection lives on) notices at its next check and stops its engine.
 */
final class RelayLease implements AutoCloseable {

  /** The lock name: per storage database and offsets table, at most 64 characters. */
  private static final String NAME = "LEFT(CONCAT('reservas-relay:', DATABASE(), '.', ?), 64)";

  private final RelayProperties properties;
  private Connection holder;

  RelayLease(RelayProperties properties) {
    this.properties = properties;
  }

  /**
   * Takes the lease unless another relay holds it; {@code true} while this relay holds it.
   *
   * @throws IllegalStateException if the storage database cannot be reached
   */
  synchronized boolean acquire() {
    if (holder != null) {
      return true;
    }
    Connection connection = null;
    try {
      connection =
          DriverManager.getConnection(
              properties.storageJdbcUrl(), properties.storageUser(), properties.storagePassword());
      if (ask(connection, "SELECT GET_LOCK(" + NAME + ", 0)")) {
        holder = connection;
        return true;
      }
      connection.close();
      return false;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new IllegalStateException(
          "The relay lease cannot be taken in " + properties.storageJdbcUrl() + ": " + e, e);
    }
  }

  /** Whether this relay still holds the lease: its lock connection answers and owns the lock. */
  synchronized boolean held() {
    if (holder == null) {
      return false;
    }
    try {
      if (ask(holder, "SELECT IS_USED_LOCK(" + NAME + ") = CONNECTION_ID()")) {
        return true;
      }
    } catch (SQLException lost) {
      // The connection is gone, and the lock with it.
    }
    closeQuietly(holder);
    holder = null;
    return false;
  }

  /** Gives the lease up: a standby takes it at its next try. */
  @Override
  public synchronized void close() {
    closeQuietly(holder);
    holder = null;
  }

  private boolean ask(Connection connection, String query) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setQueryTimeout(5);
      statement.setString(1, properties.storage().offsetTable());
      try (ResultSet answer = statement.executeQuery()) {
        return answer.next() && answer.getInt(1) == 1;
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Closing ends the session and releases its lock either way.
      }
    }
  }
}
