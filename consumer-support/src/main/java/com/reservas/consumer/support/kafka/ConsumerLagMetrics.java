package com.reservas.consumer.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * {@code reservas.consumer.lag{group,topic,partition}}: records of each partition of the group's
 * input topics not yet committed by the group (the partition's end offset minus the group's
 * committed offset), read from the broker every {@code interval}, as KEDA's Kafka scaler reads it.
 * Measured on the broker rather than by the Kafka client's own {@code records-lag} metric, which
 * Micrometer drops when the same client also reports the metric without a partition, and which
 * disappears with the consumer: a group whose consumers stopped still shows its lag here.
 */
public final class ConsumerLagMetrics implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ConsumerLagMetrics.class);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  private final Map<String, Object> adminConfig;
  private final String groupId;
  private final List<String> topics;
  private final Duration interval;
  private final MultiGauge lag;
  private ScheduledExecutorService scheduler;
  private Admin admin;

  public ConsumerLagMetrics(
      Map<String, Object> adminConfig,
      String groupId,
      List<String> topics,
      Duration interval,
      MeterRegistry registry) {
    this.adminConfig = Map.copyOf(adminConfig);
    this.groupId = groupId;
    this.topics = List.copyOf(topics);
    this.interval = interval;
    this.lag =
        MultiGauge.builder("reservas.consumer.lag")
            .description("Records of the partition not yet committed by the consumer group")
            .baseUnit("records")
            .register(registry);
  }

  /** Reads the lag once: the end offset and the group's committed offset of every partition. */
  void refresh() {
    try {
      Map<String, TopicDescription> described =
          admin.describeTopics(topics).allTopicNames().get(seconds(), TimeUnit.SECONDS);
      List<TopicPartition> partitions = new ArrayList<>();
      described
          .values()
          .forEach(
              topic ->
                  topic
                      .partitions()
                      .forEach(
                          p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
      Map<TopicPartition, ListOffsetsResultInfo> ends =
          admin
              .listOffsets(
                  partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
              .all()
              .get(seconds(), TimeUnit.SECONDS);
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(groupId)
              .partitionsToOffsetAndMetadata()
              .get(seconds(), TimeUnit.SECONDS);
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      for (TopicPartition partition : partitions) {
        long end = ends.get(partition).offset();
        OffsetAndMetadata offset = committed.get(partition);
        // A partition the group never committed on has everything still to read.
        long lagged = Math.max(0, end - (offset == null ? 0 : offset.offset()));
        rows.add(
            MultiGauge.Row.of(
                Tags.of(
                    "group",
                    groupId,
                    "topic",
                    partition.topic(),
                    "partition",
                    Integer.toString(partition.partition())),
                lagged));
      }
      lag.register(rows, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.debug("Consumer lag of {} not read this time: {}", groupId, e.toString());
    }
  }

  private static long seconds() {
    return CALL_TIMEOUT.toSeconds();
  }

  @Override
  public synchronized void start() {
    admin = Admin.create(adminConfig);
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "consumer-lag-metrics");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
      admin = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
