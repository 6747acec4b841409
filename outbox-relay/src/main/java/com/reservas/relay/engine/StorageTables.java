package com.reservas.relay.engine;

import com.reservas.relay.config.RelayProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates Debezium's offset and schema-history tables in the storage database before the engine
 * starts, and checks that they can be read.
 *
 * <p>Debezium's JDBC storage (3.5) decides whether to create its tables with {@code
 * DatabaseMetaData.getTables(null, null, name, null)}, which looks in every database of the server:
 * a second relay (or a test) using another database on the same server then finds the first one's
 * table, creates none, and its loading query fails — in a retry loop that never ends. Creating the
 * tables here ({@code IF NOT EXISTS}, in the database of the storage URL) avoids that, and a
 * storage problem becomes a failed start that the supervisor reports and retries with backoff.
 */
public final class StorageTables {

  static final String OFFSET_TABLE_DDL =
      "CREATE TABLE IF NOT EXISTS %s (id VARCHAR(36) NOT NULL, offset_key VARCHAR(1255),"
          + " offset_val VARCHAR(1255), record_insert_ts TIMESTAMP NOT NULL,"
          + " record_insert_seq INTEGER NOT NULL, PRIMARY KEY (id))";

  static final String HISTORY_TABLE_DDL =
      "CREATE TABLE IF NOT EXISTS %s (id VARCHAR(36) NOT NULL, history_data MEDIUMTEXT,"
          + " history_data_seq INTEGER, record_insert_ts TIMESTAMP NOT NULL,"
          + " record_insert_seq INTEGER NOT NULL, PRIMARY KEY (id, history_data_seq))";

  private StorageTables() {}

  /**
   * @throws IllegalStateException if the storage database cannot be reached or the tables cannot be
   *     created or read
   */
  public static void ensure(RelayProperties properties) {
    String offsets = properties.storage().offsetTable();
    String history = properties.storage().historyTable();
    try (Connection connection =
            DriverManager.getConnection(
                properties.storageJdbcUrl(),
                properties.storageUser(),
                properties.storagePassword());
        Statement statement = connection.createStatement()) {
      statement.execute(String.format(OFFSET_TABLE_DDL, offsets));
      statement.execute(String.format(HISTORY_TABLE_DDL, history));
      statement.executeQuery("SELECT COUNT(*) FROM " + offsets).close();
      statement.executeQuery("SELECT COUNT(*) FROM " + history).close();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Debezium's offset/history tables ("
              + offsets
              + ", "
              + history
              + ") in "
              + properties.storageJdbcUrl()
              + " cannot be created or read: "
              + e.getMessage(),
          e);
    }
  }
}
