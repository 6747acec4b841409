package com.reservas.relay.engine;

/** Which Debezium binlog connector reads the outbox table: one per database product. */
public enum ConnectorKind {
  /** MariaDB (the one-machine run and the tests): resumes by GTID. */
  MARIADB("io.debezium.connector.mariadb.MariaDbConnector", "jdbc:mariadb://"),
  /** MySQL 8.4 (docker-compose and the deployments). */
  MYSQL("io.debezium.connector.mysql.MySqlConnector", "jdbc:mysql://");

  private final String connectorClass;
  private final String jdbcPrefix;

  ConnectorKind(String connectorClass, String jdbcPrefix) {
    this.connectorClass = connectorClass;
    this.jdbcPrefix = jdbcPrefix;
  }

  public String connectorClass() {
    return connectorClass;
  }

  /** A JDBC URL for the offset and schema-history tables, with this product's driver. */
  public String jdbcUrl(String host, int port, String database) {
    return jdbcPrefix + host + ":" + port + "/" + database;
  }
}
