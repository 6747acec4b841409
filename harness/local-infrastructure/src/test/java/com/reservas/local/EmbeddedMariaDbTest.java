package com.reservas.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedMariaDbTest {

  private static EmbeddedMariaDb db;

  @BeforeAll
  static void start() {
    db = EmbeddedMariaDb.start(0, null, List.of());
    db.createDatabase("probe");
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Test
  void startsAServerWithTheRowBinlogThatChangeDataCaptureNeeds() throws Exception {
    assertThat(variables("log_bin", "binlog_format", "binlog_row_image"))
        .containsExactly("1", "ROW", "FULL");
    assertThat(db.port()).isPositive();
  }

  /**
   * The outbox lives in the binlog: a commit whose binlog events are not on disk yet is lost for
   * the relay after a power cut, though InnoDB kept it. MariaDB's default is {@code sync_binlog=0}.
   */
  @Test
  void commitsAreDurableInTheRedoLogAndTheBinlog() throws Exception {
    assertThat(variables("sync_binlog", "innodb_flush_log_at_trx_commit"))
        .containsExactly("1", "1");
  }

  private static List<String> variables(String... names) throws Exception {
    String select = "SELECT @@" + String.join(", @@", names);
    try (Connection c = DriverManager.getConnection(db.jdbcUrl("probe"), "root", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(select)) {
      assertThat(rs.next()).isTrue();
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= names.length; i++) {
        values.add(rs.getString(i));
      }
      return values;
    }
  }
}
