package com.reservas.relay.engine;

import com.reservas.relay.config.RelayProperties;
import java.util.Properties;

/**
 * The Debezium embedded engine's configuration, from the relay's settings: the binlog connector on
 * the outbox table only, no snapshot of old rows, offsets and schema history in database tables.
 * The Outbox Event Router is applied by {@link OutboxRecordRouter} (same SMT, same settings as a
 * Kafka Connect deployment would use), so that the relay sees the change operation first.
 */
public final class DebeziumConfig {

  /** Heartbeat records arrive on topics with this prefix (Debezium's default). */
  public static final String HEARTBEAT_TOPIC_PREFIX = "__debezium-heartbeat";

  private DebeziumConfig() {}

  public static Properties from(RelayProperties relay) {
    RelayProperties.Database db = relay.database();
    RelayProperties.Engine engine = relay.engine();
    RelayProperties.Storage storage = relay.storage();
    Properties p = new Properties();
    p.setProperty("name", engine.name());
    p.setProperty("connector.class", relay.connector().connectorClass());
    p.setProperty("topic.prefix", engine.name());
    p.setProperty("topic.heartbeat.prefix", HEARTBEAT_TOPIC_PREFIX);

    p.setProperty("database.hostname", db.host());
    p.setProperty("database.port", Integer.toString(db.port()));
    p.setProperty("database.user", db.user());
    p.setProperty("database.password", db.password());
    p.setProperty("database.server.id", Long.toString(db.serverId()));
    p.setProperty("database.include.list", db.name());
    p.setProperty("table.include.list", db.name() + "." + db.outboxTable());

    // Only new rows: old outbox rows were published before, or the table is empty anyway.
    p.setProperty("snapshot.mode", "no_data");
    // No FLUSH TABLES WITH READ LOCK: it deadlocks against the schema-history insert and would
    // block the API's writes while the relay starts.
    p.setProperty("snapshot.locking.mode", "none");
    p.setProperty("include.schema.changes", "false");
    p.setProperty("tombstones.on.delete", "false");
    // Deletes are the second half of every insert + delete pair: not even emitted (half the
    // records to convert). Updates are still emitted, for the invalid-row policy.
    p.setProperty("skipped.operations", "d,t");
    p.setProperty("binary.handling.mode", "bytes");
    p.setProperty("poll.interval.ms", Long.toString(engine.pollInterval().toMillis()));
    p.setProperty("max.batch.size", Integer.toString(engine.maxBatchSize()));
    p.setProperty("max.queue.size", Integer.toString(engine.maxQueueSize()));
    p.setProperty("heartbeat.interval.ms", Long.toString(engine.heartbeatInterval().toMillis()));
    p.setProperty(
        "connect.keep.alive.interval.ms", Long.toString(engine.keepAliveInterval().toMillis()));
    // Fail instead of retrying forever inside the engine: the supervisor restarts it with
    // backoff, and the health check reports the failure meanwhile.
    p.setProperty("errors.max.retries", "0");

    p.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
    p.setProperty("offset.storage.jdbc.connection.url", relay.storageJdbcUrl());
    p.setProperty("offset.storage.jdbc.connection.user", relay.storageUser());
    p.setProperty("offset.storage.jdbc.connection.password", relay.storagePassword());
    p.setProperty("offset.storage.jdbc.table.name", storage.offsetTable());
    p.setProperty("offset.storage.jdbc.table.ddl", StorageTables.OFFSET_TABLE_DDL);
    p.setProperty(
        "offset.flush.interval.ms", Long.toString(engine.offsetFlushInterval().toMillis()));
    p.setProperty("offset.flush.timeout.ms", "10000");

    p.setProperty("schema.history.internal", "io.debezium.storage.jdbc.history.JdbcSchemaHistory");
    p.setProperty("schema.history.internal.jdbc.connection.url", relay.storageJdbcUrl());
    p.setProperty("schema.history.internal.jdbc.connection.user", relay.storageUser());
    p.setProperty("schema.history.internal.jdbc.connection.password", relay.storagePassword());
    p.setProperty("schema.history.internal.jdbc.table.name", storage.historyTable());
    // The default history DDL (VARCHAR(65000)) exceeds the row size with utf8mb4: MEDIUMTEXT.
    p.setProperty("schema.history.internal.jdbc.table.ddl", StorageTables.HISTORY_TABLE_DDL);
    p.setProperty("schema.history.internal.store.only.captured.tables.ddl", "true");
    p.setProperty("schema.history.internal.store.only.captured.databases.ddl", "true");

    engine.debezium().forEach(p::setProperty);
    return p;
  }
}
