package com.reservas.relay.engine;

import com.reservas.relay.config.RelayProperties;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Debezium engine and keeps it running: each attempt creates the topics if absent, a fresh
 * idempotent producer and a fresh engine; when the engine fails (or stops on its own) the failure
 * is logged with its cause, counted, shown by the health check, and the engine is started again
 * after an exponential backoff ({@code reservas.relay.restart.*}). Offsets are committed only after
 * Kafka acknowledged, so every restart resumes after the last acknowledged batch.
 *
 * <p>An engine starts only while this relay holds the {@link RelayLease}; without it the relay is a
 * standby ({@link RelayState.Phase#STANDBY}) that tries again every {@code
 * reservas.relay.lease.retry-every}, and a relay that lost it stops its engine.
 */
public final class RelaySupervisor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RelaySupervisor.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final RelayProperties properties;
  private final Supplier<Producer<String, byte[]>> producers;
  private final Runnable preflight;
  private final RelayMetrics metrics;
  private final Clock clock;
  private final PublishTracing tracing;
  private final RelayState state;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService engineThreads;
  private final RelayLease lease;

  private boolean started;
  private boolean stopping;
  private Run current;

  /**
   * @param producers a new producer per engine run (closed when the run ends)
   * @param preflight run before every engine start, e.g. creating the topics; a failure counts as a
   *     failed start
   */
  public RelaySupervisor(
      RelayProperties properties,
      Supplier<Producer<String, byte[]>> producers,
      Runnable preflight,
      RelayMetrics metrics,
      Clock clock,
      PublishTracing tracing) {
    this.tracing = tracing;
    this.properties = properties;
    this.producers = producers;
    this.preflight = preflight;
    this.metrics = metrics;
    this.clock = clock;
    this.state = new RelayState(clock);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(named("outbox-relay-supervisor"));
    this.engineThreads = Executors.newCachedThreadPool(named("outbox-relay-engine"));
    this.lease = new RelayLease(properties);
    metrics.bindSupervisor(
        () -> state.phase() == RelayState.Phase.RUNNING, () -> state.progressAge());
  }

  public RelayState state() {
    return state;
  }

  /** Starts the engine in the background; returns at once. */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("The relay was already started");
    }
    started = true;
    log.info(
        "Starting the outbox relay: {} connector on {}, table {}, topics {}",
        properties.connector(),
        properties.database(),
        properties.database().outboxTable(),
        properties.topics().names());
    scheduler.execute(this::attempt);
    long check = properties.lease().checkEvery().toMillis();
    scheduler.scheduleWithFixedDelay(this::checkLease, check, check, TimeUnit.MILLISECONDS);
  }

  /**
   * Delay before the n-th consecutive restart: initial × multiplier^(n-1), capped at the maximum.
   */
  static Duration backoff(RelayProperties.Restart restart, int failures) {
    double factor = Math.pow(restart.multiplier(), Math.max(0, failures - 1));
    double millis = restart.initialBackoff().toMillis() * factor;
    long capped = (long) Math.min(millis, restart.maxBackoff().toMillis());
    return Duration.ofMillis(capped);
  }

  private void attempt() {
    synchronized (this) {
      if (stopping) {
        return;
      }
    }
    try {
      if (!lease.acquire()) {
        standby();
        return;
      }
    } catch (RuntimeException e) {
      failed(describe(e), e);
      return;
    }
    synchronized (this) {
      if (stopping) {
        return;
      }
      state.starting();
    }
    Producer<String, byte[]> producer = null;
    OutboxRecordRouter router = null;
    try {
      preflight.run();
      StorageTables.ensure(properties);
      resetOffsetsInAPurgedBinlog();
      producer = producers.get();
      Set<String> topics = new HashSet<>(properties.topics().names());
      router = new OutboxRecordRouter(topics);
      Run run = new Run(producer, router);
      synchronized (this) {
        if (stopping) {
          run.releaseResources();
          return;
        }
        current = run;
        engineThreads.execute(run::execute);
      }
    } catch (RuntimeException | Error e) {
      if (router != null) {
        router.close();
      }
      if (producer != null) {
        producer.close(Duration.ofSeconds(5));
      }
      failed("the engine could not be started: " + describe(e), e);
    }
  }

  /**
   * Offsets in a binlog file the server purged would fail every start: they are forgotten, loudly,
   * and the engine starts from the current position (see {@link PurgedBinlogCheck}).
   */
  private void resetOffsetsInAPurgedBinlog() {
    PurgedBinlogCheck.purgedFile(properties)
        .ifPresent(
            file -> {
              log.error(
                  "The relay's offsets point at binlog file {}, which the server has purged: the"
                      + " events written there were not relayed and are lost to Kafka. Resetting"
                      + " the offsets and streaming from the current position; the"
                      + " stuck-reservation policy re-announces every reservation still waiting"
                      + " for one of them.",
                  file);
              PurgedBinlogCheck.forget(properties);
              metrics.offsetsReset("purged-binlog");
            });
  }

  private synchronized void standby() {
    if (stopping) {
      return;
    }
    if (state.phase() != RelayState.Phase.STANDBY) {
      log.info(
          "Another relay holds the lease on {}'s offsets: waiting as a standby, trying every {}",
          properties.storageJdbcUrl(),
          properties.lease().retryEvery());
    }
    Duration delay = properties.lease().retryEvery();
    state.standby(clock.instant().plus(delay));
    scheduler.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A relay that lost its lease (its lock connection ended) stops streaming at once. */
  private void checkLease() {
    Run run;
    synchronized (this) {
      run = current;
      if (stopping || run == null) {
        return;
      }
    }
    if (!lease.held()) {
      log.error(
          "The relay lost its lease (its lock connection to the storage database ended):"
              + " stopping the engine; it streams again only once it holds the lease");
      run.stop();
    }
  }

  private void failed(String why, Throwable cause) {
    synchronized (this) {
      if (stopping) {
        state.stopped();
        return;
      }
      Duration delay = backoff(properties.restart(), state.consecutiveFailures() + 1);
      Instant retryAt = clock.instant().plus(delay);
      state.failed(why, retryAt);
      metrics.restarted(cause);
      log.error(
          "Outbox relay engine stopped: {}. Restart #{} (failure {} in a row) in {} ms",
          why,
          state.snapshot().restarts(),
          state.consecutiveFailures(),
          delay.toMillis(),
          cause);
      scheduler.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Stops the engine (committing the offsets of acknowledged batches) and waits for it. */
  @Override
  public void close() {
    Run run;
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
      run = current;
    }
    log.info("Stopping the outbox relay");
    scheduler.shutdownNow();
    if (run != null) {
      run.stop();
    }
    engineThreads.shutdown();
    try {
      if (!engineThreads.awaitTermination(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        log.warn("The engine did not stop within {}; interrupting it", STOP_TIMEOUT);
        engineThreads.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      engineThreads.shutdownNow();
    }
    lease.close();
    state.stopped();
    log.info("Outbox relay stopped");
  }

  /** One engine, from creation to completion, with the producer it publishes through. */
  private final class Run {
    private final Producer<String, byte[]> producer;
    private final OutboxRecordRouter router;
    private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private final CountDownLatch completed = new CountDownLatch(1);

    Run(Producer<String, byte[]> producer, OutboxRecordRouter router) {
      this.producer = producer;
      this.router = router;
      Properties config = DebeziumConfig.from(properties);
      OutboxChangeConsumer consumer =
          new OutboxChangeConsumer(
              producer,
              router,
              properties.invalidRow(),
              properties.deadLetterTopic(),
              metrics,
              state,
              clock,
              tracing);
      this.engine =
          DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
              .using(config)
              .using(getClass().getClassLoader())
              .notifying(consumer)
              .using(
                  new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                      log.info("Outbox relay engine task started; connecting to the binlog");
                      state.running();
                    }
                  })
              .using(this::completed)
              .build();
    }

    void execute() {
      try {
        engine.run();
      } catch (RuntimeException | Error e) {
        // The engine reports through the completion callback; this is a safety net only.
        if (completed.getCount() > 0) {
          completed(false, "the engine threw", e);
        }
      }
    }

    private void completed(boolean success, String message, Throwable error) {
      if (completed.getCount() == 0) {
        return;
      }
      releaseResources();
      completed.countDown();
      synchronized (RelaySupervisor.this) {
        if (current == this) {
          current = null;
        }
      }
      String why =
          success
              ? "the engine stopped on its own (" + message + ")"
              : error == null ? message : describe(error);
      failed(why, error);
    }

    void releaseResources() {
      try {
        router.close();
      } finally {
        producer.close(Duration.ofSeconds(5));
      }
    }

    /** Closes the engine, retrying while its tasks are starting (it refuses then). */
    void stop() {
      long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
      while (completed.getCount() > 0 && System.nanoTime() < deadline) {
        try {
          engine.close();
          break;
        } catch (IllegalStateException notNow) {
          // Starting tasks, or already stopping: wait a little and look again.
          sleep(Duration.ofMillis(100));
        } catch (IOException e) {
          log.warn("Closing the engine failed: {}", e.toString());
          break;
        }
      }
      try {
        if (!completed.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          log.warn("The engine did not report completion within {}", STOP_TIMEOUT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The failure and, when it adds something, its root cause. */
  static String describe(Throwable error) {
    String text = error.getClass().getSimpleName() + ": " + error.getMessage();
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != error && root.getMessage() != null && !text.contains(root.getMessage())) {
      text += " (root cause " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
    return text;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
