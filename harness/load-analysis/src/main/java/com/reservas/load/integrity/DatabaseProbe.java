package com.reservas.load.integrity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the reservation tables over JDBC. The run window is "created at or after {@code since}"
 * (the database keeps UTC times in {@code DATETIME(6)}).
 */
final class DatabaseProbe implements AutoCloseable {

  private final Connection connection;

  private DatabaseProbe(Connection connection) {
    this.connection = connection;
  }

  static DatabaseProbe connect(String url, String user, String password) throws SQLException {
    DriverManager.setLoginTimeout(5);
    return new DatabaseProbe(DriverManager.getConnection(url, user, password));
  }

  /** Every reservation created in the window. */
  List<ReservationRow> reservations(LocalDateTime since) throws SQLException {
    List<ReservationRow> rows = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT code, status, payment_status, supplier_status FROM reservation"
                + " WHERE created_at >= ?")) {
      ps.setObject(1, since);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new ReservationRow(
                  rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return rows;
  }

  /** Reservations of the window not yet final (see {@link ReservationRow#isFinal()}). */
  long notFinal(LocalDateTime since) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT COUNT(*) FROM reservation WHERE created_at >= ?"
                + " AND status <> 'CANCELLED'"
                + " AND NOT (status = 'SUPPLIER_CONFIRMED' AND payment_status = 'CAPTURED')")) {
      ps.setObject(1, since);
      return single(ps);
    }
  }

  /** Codes held by more than one row (the primary key makes this 0; asked anyway). */
  List<String> duplicateCodes() throws SQLException {
    return strings("SELECT code FROM reservation GROUP BY code HAVING COUNT(*) > 1 LIMIT 20", null);
  }

  long duplicateCodeCount() throws SQLException {
    return count(
        "SELECT COUNT(*) FROM (SELECT code FROM reservation GROUP BY code HAVING COUNT(*) > 1) d",
        null);
  }

  /** History rows that repeat a (reservation, status) pair. */
  long duplicateHistoryCount() throws SQLException {
    return count(
        "SELECT COUNT(*) FROM (SELECT reservation_code, status FROM reservation_status_history"
            + " GROUP BY reservation_code, status HAVING COUNT(*) > 1) d",
        null);
  }

  List<String> duplicateHistoryExamples() throws SQLException {
    return strings(
        "SELECT CONCAT(reservation_code, ' ', status, ' x', COUNT(*))"
            + " FROM reservation_status_history GROUP BY reservation_code, status"
            + " HAVING COUNT(*) > 1 LIMIT 10",
        null);
  }

  /** Reservations of the window without a CREATED row or without a row for their status. */
  List<String> missingHistory(LocalDateTime since) throws SQLException {
    return strings(
        "SELECT r.code FROM reservation r WHERE r.created_at >= ? AND ("
            + " NOT EXISTS (SELECT 1 FROM reservation_status_history h"
            + "   WHERE h.reservation_code = r.code AND h.status = 'CREATED')"
            + " OR NOT EXISTS (SELECT 1 FROM reservation_status_history h"
            + "   WHERE h.reservation_code = r.code AND h.status = r.status))",
        since);
  }

  /** Outbox rows still in the table (writers insert and delete in one transaction). */
  long outboxRows() throws SQLException {
    return count("SELECT COUNT(*) FROM outbox_event", null);
  }

  /** Which of {@code codes} exist in the reservation table. */
  Set<String> existing(Collection<String> codes) throws SQLException {
    Set<String> found = new HashSet<>();
    List<String> all = new ArrayList<>(codes);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps =
          connection.prepareStatement(
              "SELECT code FROM reservation WHERE code IN (" + marks + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.add(rs.getString(1));
          }
        }
      }
    }
    return found;
  }

  /**
   * Creation → {@code SUPPLIER_CONFIRMED} for the window's confirmed reservations, from their
   * history rows' times (both written by the platform, so no polling error), in milliseconds.
   */
  Map<String, Long> creationToConfirmationMillis(LocalDateTime since) throws SQLException {
    Map<String, Long> millis = new HashMap<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT r.code, c.changed_at, s.changed_at FROM reservation r"
                + " JOIN reservation_status_history c"
                + "   ON c.reservation_code = r.code AND c.status = 'CREATED'"
                + " JOIN reservation_status_history s"
                + "   ON s.reservation_code = r.code AND s.status = 'SUPPLIER_CONFIRMED'"
                + " WHERE r.created_at >= ?")) {
      ps.setObject(1, since);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          LocalDateTime created = rs.getObject(2, LocalDateTime.class);
          LocalDateTime confirmed = rs.getObject(3, LocalDateTime.class);
          millis.put(rs.getString(1), Duration.between(created, confirmed).toMillis());
        }
      }
    }
    return millis;
  }

  private long count(String sql, LocalDateTime since) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      if (since != null) {
        ps.setObject(1, since);
      }
      return single(ps);
    }
  }

  private List<String> strings(String sql, LocalDateTime since) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      if (since != null) {
        ps.setObject(1, since);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static long single(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Whether the schema is there (the platform has migrated it). */
  boolean hasSchema() {
    try (Statement st = connection.createStatement()) {
      st.executeQuery("SELECT 1 FROM reservation LIMIT 1").close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
