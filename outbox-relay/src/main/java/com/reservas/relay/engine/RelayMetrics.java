package com.reservas.relay.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The relay's Micrometer meters:
 *
 * <ul>
 *   <li>{@code reservas.relay.events{topic}} — events published (acknowledged by Kafka) per topic
 *   <li>{@code reservas.relay.lag} — timer: from the outbox row's {@code created_at} (written in
 *       the committing transaction) to Kafka's acknowledgement, per event
 *   <li>{@code reservas.relay.lag.last} — gauge: that lag for the most recent event, in seconds
 *   <li>{@code reservas.relay.invalid.rows{reason,action}} — invalid outbox rows and what was done
 *   <li>{@code reservas.relay.engine.restarts{cause}} — engine restarts after a failure
 *   <li>{@code reservas.relay.engine.running} — 1 while the engine streams the binlog, else 0
 *   <li>{@code reservas.relay.progress.age} — seconds since the last event or heartbeat
 *   <li>{@code reservas.relay.batch.size} — change records per engine batch
 *   <li>{@code reservas.relay.queue.depth} — change records Debezium read from the binlog and has
 *       not yet handed to the relay (its streaming queue, from the connector's JMX metrics); NaN
 *       while no connector streams. The outbox table itself is no queue: each row is deleted in the
 *       transaction that inserts it, so only the binlog holds what waits.
 * </ul>
 */
public final class RelayMetrics {

  private static final ObjectName DEBEZIUM_STREAMING;

  static {
    try {
      DEBEZIUM_STREAMING = new ObjectName("debezium.*:type=connector-metrics,context=streaming,*");
    } catch (MalformedObjectNameException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final MeterRegistry registry;
  private final ConcurrentMap<String, Counter> eventsByTopic = new ConcurrentHashMap<>();
  private final Timer lag;
  private final AtomicLong lastLagMicros = new AtomicLong();
  private final DistributionSummary batchSize;

  public RelayMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.lag =
        Timer.builder("reservas.relay.lag")
            .description("From the outbox row's creation to Kafka's acknowledgement")
            .publishPercentiles(0.5, 0.95, 0.99)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(5))
            .register(registry);
    Gauge.builder("reservas.relay.lag.last", lastLagMicros, micros -> micros.get() / 1e6)
        .description("Lag of the most recently published event")
        .baseUnit("seconds")
        .register(registry);
    this.batchSize =
        DistributionSummary.builder("reservas.relay.batch.size")
            .description("Change records per engine batch")
            .register(registry);
    Gauge.builder("reservas.relay.queue.depth", RelayMetrics::debeziumQueueDepth)
        .description("Change records read from the binlog and not yet handed to the relay")
        .register(registry);
  }

  /** Used minus free places of every streaming Debezium connector's queue; NaN without one. */
  static double debeziumQueueDepth() {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    double depth = Double.NaN;
    try {
      for (ObjectName name : server.queryNames(DEBEZIUM_STREAMING, null)) {
        Object total = server.getAttribute(name, "QueueTotalCapacity");
        Object free = server.getAttribute(name, "QueueRemainingCapacity");
        if (total instanceof Number t && free instanceof Number f) {
          depth = (Double.isNaN(depth) ? 0 : depth) + (t.doubleValue() - f.doubleValue());
        }
      }
    } catch (JMException e) {
      return Double.NaN;
    }
    return depth;
  }

  /** Registers the gauges that read the supervisor's state. */
  public void bindSupervisor(Supplier<Boolean> running, Supplier<Duration> progressAge) {
    Gauge.builder("reservas.relay.engine.running", () -> running.get() ? 1 : 0)
        .description("1 while the engine streams the binlog")
        .register(registry);
    Gauge.builder("reservas.relay.progress.age", () -> progressAge.get().toMillis() / 1000.0)
        .description("Time since the last event or heartbeat")
        .baseUnit("seconds")
        .register(registry);
  }

  void published(String topic, Long createdAtMicros, long nowMicros) {
    eventsByTopic
        .computeIfAbsent(
            topic,
            t ->
                Counter.builder("reservas.relay.events")
                    .description("Events published to Kafka")
                    .tag("topic", t)
                    .register(registry))
        .increment();
    if (createdAtMicros != null) {
      long micros = Math.max(0, nowMicros - createdAtMicros);
      lag.record(Duration.ofNanos(micros * 1000));
      lastLagMicros.set(micros);
    }
  }

  void invalidRow(String reason, String action) {
    registry.counter("reservas.relay.invalid.rows", "reason", reason, "action", action).increment();
  }

  void offsetsReset(String reason) {
    registry.counter("reservas.relay.offsets.resets", "reason", reason).increment();
  }

  void restarted(Throwable cause) {
    registry
        .counter(
            "reservas.relay.engine.restarts",
            "cause",
            cause == null ? "none" : cause.getClass().getSimpleName())
        .increment();
  }

  void batch(int size) {
    batchSize.record(size);
  }
}
