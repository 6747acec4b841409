package com.reservas.relay.config;

import com.reservas.relay.engine.ConnectorKind;
import com.reservas.relay.engine.InvalidRowPolicy;
import com.reservas.schemas.Topics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the outbox relay ({@code reservas.relay.*}). Kafka itself is configured with Spring
 * Boot's {@code spring.kafka.*}; the producer's delivery settings are forced by the relay.
 *
 * @param connector which Debezium connector reads the binlog: {@code mariadb} or {@code mysql}
 * @param database the database whose outbox table is read
 * @param storage where Debezium keeps its offsets and schema history (tables in the database)
 * @param engine Debezium engine tuning
 * @param topics the topics rows may be routed to, created at start-up when absent
 * @param invalidRow what to do with a row of unknown aggregate type or an UPDATE of a row
 * @param deadLetterTopic where {@code dead-letter} sends rows of unknown aggregate type
 * @param restart backoff between engine restarts after a failure
 * @param health when a running engine counts as stalled
 * @param lease how a standby relay waits for the lease and how often the holder checks it
 */
@Validated
@ConfigurationProperties("reservas.relay")
public record RelayProperties(
    @NotNull @DefaultValue("mariadb") ConnectorKind connector,
    @NotNull @Valid @DefaultValue Database database,
    @NotNull @Valid @DefaultValue Storage storage,
    @NotNull @Valid @DefaultValue Engine engine,
    @NotNull @Valid @DefaultValue TopicSettings topics,
    @NotNull @DefaultValue("dead-letter") InvalidRowPolicy invalidRow,
    @NotBlank @DefaultValue("outbox.invalid") String deadLetterTopic,
    @NotNull @Valid @DefaultValue Restart restart,
    @NotNull @Valid @DefaultValue Health health,
    @NotNull @Valid @DefaultValue Lease lease) {

  /**
   * The database with the outbox table.
   *
   * @param serverId the replica id the binlog reader announces; unique among every replica and
   *     every other relay or Debezium connector on this server
   */
  public record Database(
      @NotBlank @DefaultValue("127.0.0.1") String host,
      @Min(1) @Max(65535) @DefaultValue("3306") int port,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9_]+") @DefaultValue("reservas") String name,
      @NotBlank @DefaultValue("root") String user,
      @NotNull @DefaultValue("") String password,
      @Min(1) @Max(4294967295L) @DefaultValue("184054") long serverId,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9_]+") @DefaultValue("outbox_event")
          String outboxTable) {

    @Override
    public String toString() {
      return "Database[" + user + "@" + host + ":" + port + "/" + name + "]";
    }
  }

  /**
   * Offsets and schema history, in two tables created by Debezium on first start. Credentials
   * default to the database's; Debezium's JDBC storage refuses an empty password.
   *
   * @param jdbcUrl defaults to the outbox database, with the connector's JDBC driver
   */
  public record Storage(
      String jdbcUrl,
      String user,
      String password,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9_]+") @DefaultValue("relay_offsets")
          String offsetTable,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9_]+") @DefaultValue("relay_schema_history")
          String historyTable) {

    @Override
    public String toString() {
      return "Storage[" + jdbcUrl + ", " + offsetTable + ", " + historyTable + "]";
    }
  }

  /**
   * Debezium engine tuning.
   *
   * @param name the engine name and Debezium {@code topic.prefix}; offsets are stored under it, so
   *     changing it makes the relay start over from the current binlog position
   * @param pollInterval how long the connector gathers events before handing a batch over (it hands
   *     over at once only a full batch); each relay hop waits up to this long. Shorter intervals
   *     make smaller batches, an offset commit and a produce request for each, and a poll loop that
   *     wakes, and spins out the last millisecond, more often: 10 ms cost ~12 ms of CPU per
   *     reservation more than 50 ms at 30 reservations/s (docs/performance.md)
   * @param offsetFlushInterval how often offsets are committed; {@code 0} commits after every
   *     acknowledged batch (fewest duplicates after a crash)
   * @param heartbeatInterval how often Debezium emits heartbeats while the binlog is quiet
   * @param keepAliveInterval binlog keep-alive; the server sends heartbeat events every 80% of it
   * @param debezium further Debezium properties, passed as they are (they win over the above)
   */
  public record Engine(
      @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]+") @DefaultValue("reservas-outbox-relay")
          String name,
      @NotNull @DefaultValue("50ms") Duration pollInterval,
      @Min(1) @DefaultValue("2048") int maxBatchSize,
      @Min(2) @DefaultValue("8192") int maxQueueSize,
      @NotNull @DefaultValue("0ms") Duration offsetFlushInterval,
      @NotNull @DefaultValue("2s") Duration heartbeatInterval,
      @NotNull @DefaultValue("10s") Duration keepAliveInterval,
      @NotNull @DefaultValue Map<String, String> debezium) {

    @AssertTrue(message = "max-queue-size must be greater than max-batch-size")
    public boolean isQueueLargerThanBatch() {
      return maxQueueSize > maxBatchSize;
    }
  }

  /**
   * The topics outbox rows are routed to (aggregate type = topic name).
   *
   * @param names every aggregate type the relay publishes; anything else is an invalid row
   * @param replicationFactor {@code -1} for the broker's default
   * @param create create absent topics at start-up (and before every engine restart)
   * @param configs further topic configs for the topics it creates
   */
  public record TopicSettings(
      @NotEmpty @DefaultValue({Topics.RESERVATIONS, Topics.PAYMENTS, Topics.SUPPLIERS})
          List<@NotBlank String> names,
      @Min(1) @DefaultValue("6") int partitions,
      @Min(-1) @DefaultValue("-1") short replicationFactor,
      @NotNull @DefaultValue("7d") Duration retention,
      @DefaultValue("true") boolean create,
      @NotNull @DefaultValue Map<String, String> configs) {}

  /** Exponential backoff between engine restarts: initial × multiplier^(n-1), at most max. */
  public record Restart(
      @NotNull @DefaultValue("1s") Duration initialBackoff,
      @NotNull @DefaultValue("1m") Duration maxBackoff,
      @DecimalMin("1.0") @DefaultValue("2.0") double multiplier) {

    @AssertTrue(message = "initial-backoff must be positive and not above max-backoff")
    public boolean isBounded() {
      return !initialBackoff.isNegative()
          && !initialBackoff.isZero()
          && initialBackoff.compareTo(maxBackoff) <= 0;
    }
  }

  /**
   * @param stallTimeout a running engine with no event and no heartbeat for this long is reported
   *     DOWN
   */
  public record Health(@NotNull @DefaultValue("30s") Duration stallTimeout) {}

  /**
   * One relay per offsets table streams; the others are hot standbys (see {@code RelayLease}).
   *
   * @param retryEvery how often a standby tries to take the lease
   * @param checkEvery how often the holder checks that it still holds it (its lock connection may
   *     have been cut); a relay that lost it stops its engine
   */
  public record Lease(
      @NotNull @DefaultValue("2s") Duration retryEvery,
      @NotNull @DefaultValue("2s") Duration checkEvery) {}

  @AssertTrue(message = "health.stall-timeout must exceed engine.keep-alive-interval")
  public boolean isStallTimeoutAboveHeartbeats() {
    return health == null
        || engine == null
        || health.stallTimeout().compareTo(engine.keepAliveInterval()) > 0;
  }

  @AssertTrue(message = "dead-letter-topic must not be one of topics.names")
  public boolean isDeadLetterTopicSeparate() {
    return topics == null || !topics.names().contains(deadLetterTopic);
  }

  /** The storage URL, or the outbox database's with the connector's driver. */
  public String storageJdbcUrl() {
    return storage.jdbcUrl() != null && !storage.jdbcUrl().isBlank()
        ? storage.jdbcUrl()
        : connector.jdbcUrl(database.host(), database.port(), database.name());
  }

  public String storageUser() {
    return storage.user() != null && !storage.user().isBlank() ? storage.user() : database.user();
  }

  public String storagePassword() {
    return storage.password() != null && !storage.password().isEmpty()
        ? storage.password()
        : database.password();
  }

  @AssertTrue(
      message =
          "the storage password is empty: Debezium's JDBC offset and history storage requires"
              + " one (set reservas.relay.storage.password or reservas.relay.database.password)")
  public boolean isStoragePasswordSet() {
    return storage == null || database == null || !storagePassword().isEmpty();
  }

  @Override
  public String toString() {
    return "RelayProperties[connector="
        + connector
        + ", database="
        + database
        + ", storage="
        + storage
        + ", engine="
        + engine.name()
        + ", topics="
        + topics.names()
        + ", invalidRow="
        + invalidRow
        + "]";
  }
}
