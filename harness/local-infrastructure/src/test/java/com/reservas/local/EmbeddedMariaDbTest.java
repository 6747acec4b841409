package com.reservas.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedMariaDbTest {

  @Test
  void startsAServerWithTheRowBinlogThatChangeDataCaptureNeeds() throws Exception {
    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(0, null, List.of())) {
      db.createDatabase("probe");
      try (Connection c = DriverManager.getConnection(db.jdbcUrl("probe"), "root", "");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT @@log_bin, @@binlog_format, @@binlog_row_image")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.getString(2)).isEqualTo("ROW");
        assertThat(rs.getString(3)).isEqualTo("FULL");
      }
      assertThat(db.port()).isPositive();
    }
  }

  /**
   * The outbox lives in the binlog: a commit whose binlog events are not on disk yet is lost for
   * the relay after a power cut, though InnoDB kept it. MariaDB's default is {@code sync_binlog=0}.
   */
  @Test
  void commitsAreDurableInTheRedoLogAndTheBinlog() throws Exception {
    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(0, null, List.of())) {
      db.createDatabase("probe");
      try (Connection c = DriverManager.getConnection(db.jdbcUrl("probe"), "root", "");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT @@sync_binlog, @@innodb_flush_log_at_trx_commit")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).as("sync_binlog").isEqualTo(1);
        assertThat(rs.getInt(2)).as("innodb_flush_log_at_trx_commit").isEqualTo(1);
      }
    }
  }
}
