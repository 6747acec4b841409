package com.reservas.relay;

import static org.awaitility.Awaitility.await;

import com.reservas.relay.config.RelayConfiguration;
import com.reservas.relay.config.RelayProperties;
import com.reservas.relay.engine.PublishTracing;
import com.reservas.relay.engine.RelayMetrics;
import com.reservas.relay.engine.RelayState;
import com.reservas.relay.engine.RelaySupervisor;
import com.reservas.relay.topics.TopicProvisioner;
import com.reservas.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Builds relays the way the application does (same properties binding, producer settings, topic
 * provisioning and supervisor), without a Spring context, so tests start one in about a second.
 */
final class RelayHarness {

  private static final AtomicLong SERVER_IDS = new AtomicLong(6000 + (System.nanoTime() % 1000));

  static {
    // The binlog client logs through java.util.logging; route it to logback like the app does.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }

  private RelayHarness() {}

  /** A unique binlog replica id for one relay (reused by its restarts). */
  static long nextServerId() {
    return SERVER_IDS.incrementAndGet();
  }

  /** Relay settings for a test database, with quick heartbeats; {@code extra} wins. */
  static RelayProperties properties(TestDatabase db, long serverId, Map<String, String> extra) {
    Map<String, String> map = new HashMap<>();
    map.put("reservas.relay.connector", "mariadb");
    map.put("reservas.relay.database.host", db.host());
    map.put("reservas.relay.database.port", Integer.toString(db.port()));
    map.put("reservas.relay.database.name", db.name());
    map.put("reservas.relay.database.user", db.username());
    map.put("reservas.relay.database.password", db.password());
    map.put("reservas.relay.database.server-id", Long.toString(serverId));
    // The test server runs with --skip-grant-tables: any password is accepted, and Debezium's
    // JDBC storage insists on a non-empty one.
    map.put("reservas.relay.storage.password", "relay-storage");
    map.put("reservas.relay.engine.name", "relay-" + db.name());
    map.put("reservas.relay.engine.heartbeat-interval", "500ms");
    map.put("reservas.relay.engine.keep-alive-interval", "1s");
    map.put("reservas.relay.health.stall-timeout", "5s");
    map.put("reservas.relay.restart.initial-backoff", "200ms");
    map.put("reservas.relay.restart.max-backoff", "2s");
    map.putAll(extra);
    return bind(map);
  }

  static RelayProperties bind(Map<String, String> map) {
    return new Binder(new MapConfigurationPropertySource(map))
        .bindOrCreate("reservas.relay", RelayProperties.class);
  }

  static Map<String, Object> producerConfig(String bootstrapServers) {
    Map<String, Object> base = new HashMap<>();
    base.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    base.putAll(PRODUCER_OVERRIDES.get());
    return RelayConfiguration.producerConfig(base);
  }

  /** Extra producer settings for relays started by the current thread's test. */
  static final ThreadLocal<Map<String, Object>> PRODUCER_OVERRIDES =
      ThreadLocal.withInitial(Map::of);

  static RelaySupervisor start(RelayProperties properties, String bootstrapServers) {
    return start(properties, bootstrapServers, new SimpleMeterRegistry(), p -> p);
  }

  static RelaySupervisor start(
      RelayProperties properties,
      String bootstrapServers,
      MeterRegistry registry,
      UnaryOperator<Producer<String, byte[]>> producerDecorator) {
    Map<String, Object> producer = producerConfig(bootstrapServers);
    Runnable topics =
        properties.topics().create()
            ? new TopicProvisioner(
                () ->
                    Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)),
                RelayConfiguration.topicSpec(properties))
            : () -> {};
    RelaySupervisor supervisor =
        new RelaySupervisor(
            properties,
            () -> producerDecorator.apply(new KafkaProducer<>(producer)),
            topics,
            new RelayMetrics(registry),
            Clock.systemUTC(),
            PublishTracing.NONE);
    supervisor.start();
    return supervisor;
  }

  /**
   * A relay with the default settings on {@code world}'s database, already streaming its binlog.
   */
  static RelaySupervisor streaming(
      ReservationWorld world, String bootstrapServers, MeterRegistry registry) {
    RelaySupervisor relay =
        start(
            properties(world.database, nextServerId(), Map.of()),
            bootstrapServers,
            registry,
            p -> p);
    awaitStreaming(relay);
    return relay;
  }

  /** Waits until the engine reads the binlog: rows committed from now on are relayed. */
  static void awaitStreaming(RelaySupervisor supervisor) {
    await("relay streaming")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              RelayState.Snapshot s = supervisor.state().snapshot();
              return s.phase() == RelayState.Phase.RUNNING && s.streaming();
            });
  }
}
