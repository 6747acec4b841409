package com.reservas.relay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.relay.config.RelayProperties;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DebeziumConfigTest {

  static RelayProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("reservas.relay", RelayProperties.class);
  }

  @Test
  void readsOnlyTheOutboxTableFromNowOnWithDurableStorageInTheDatabase() {
    Properties p =
        DebeziumConfig.from(
            bind(
                Map.of(
                    "reservas.relay.database.name", "shop",
                    "reservas.relay.database.password", "pw",
                    "reservas.relay.database.server-id", "4242")));

    assertThat(p.getProperty("connector.class"))
        .isEqualTo("io.debezium.connector.mariadb.MariaDbConnector");
    assertThat(p.getProperty("table.include.list")).isEqualTo("shop.outbox_event");
    assertThat(p.getProperty("database.include.list")).isEqualTo("shop");
    assertThat(p.getProperty("database.server.id")).isEqualTo("4242");
    assertThat(p.getProperty("snapshot.mode")).isEqualTo("no_data");
    assertThat(p.getProperty("snapshot.locking.mode")).isEqualTo("none");
    assertThat(p.getProperty("poll.interval.ms")).isEqualTo("50");
    assertThat(p.getProperty("binary.handling.mode")).isEqualTo("bytes");
    assertThat(p.getProperty("offset.storage"))
        .isEqualTo("io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
    assertThat(p.getProperty("offset.storage.jdbc.connection.url"))
        .isEqualTo("jdbc:mariadb://127.0.0.1:3306/shop");
    assertThat(p.getProperty("offset.storage.jdbc.connection.password")).isEqualTo("pw");
    assertThat(p.getProperty("schema.history.internal"))
        .isEqualTo("io.debezium.storage.jdbc.history.JdbcSchemaHistory");
    assertThat(p.getProperty("schema.history.internal.jdbc.table.ddl")).contains("MEDIUMTEXT");
    assertThat(p.getProperty("errors.max.retries")).isEqualTo("0");
    assertThat(p.getProperty("skipped.operations")).isEqualTo("d,t");
  }

  @Test
  void theMysqlConnectorIsChosenByConfigurationAndExtraPropertiesWin() {
    Properties p =
        DebeziumConfig.from(
            bind(
                Map.of(
                    "reservas.relay.connector", "mysql",
                    "reservas.relay.database.password", "pw",
                    "reservas.relay.engine.debezium.poll.interval.ms", "25",
                    "reservas.relay.engine.debezium.database.ssl.mode", "required")));

    assertThat(p.getProperty("connector.class"))
        .isEqualTo("io.debezium.connector.mysql.MySqlConnector");
    assertThat(p.getProperty("schema.history.internal.jdbc.connection.url"))
        .startsWith("jdbc:mysql://");
    assertThat(p.getProperty("poll.interval.ms")).isEqualTo("25");
    assertThat(p.getProperty("database.ssl.mode")).isEqualTo("required");
  }

  @Test
  void restartsBackOffExponentiallyUpToTheMaximum() {
    RelayProperties.Restart restart =
        new RelayProperties.Restart(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0);

    assertThat(RelaySupervisor.backoff(restart, 1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(RelaySupervisor.backoff(restart, 2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(RelaySupervisor.backoff(restart, 6)).isEqualTo(Duration.ofSeconds(32));
    assertThat(RelaySupervisor.backoff(restart, 7)).isEqualTo(Duration.ofSeconds(60));
    assertThat(RelaySupervisor.backoff(restart, 500)).isEqualTo(Duration.ofSeconds(60));
  }
}
