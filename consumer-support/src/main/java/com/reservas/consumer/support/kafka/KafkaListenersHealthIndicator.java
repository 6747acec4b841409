package com.reservas.consumer.support.kafka;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * {@code kafkaListeners} health: UP when every listener container (main, retry and dead-letter
 * topics) is running, DOWN otherwise, with each container's state. Put it in the readiness group
 * ({@code management.endpoint.health.group.readiness.include=readinessState,kafkaListeners}).
 */
public class KafkaListenersHealthIndicator extends AbstractHealthIndicator {

  private final KafkaListenerEndpointRegistry registry;

  /** Health of the containers in {@code registry}. */
  public KafkaListenersHealthIndicator(KafkaListenerEndpointRegistry registry) {
    super("Kafka listener health check failed");
    this.registry = registry;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    boolean allRunning = !registry.getListenerContainers().isEmpty();
    for (MessageListenerContainer container : registry.getListenerContainers()) {
      boolean running = container.isRunning();
      allRunning &= running;
      builder.withDetail(container.getListenerId(), running ? "running" : "stopped");
    }
    if (allRunning) {
      builder.up();
    } else {
      builder.down();
    }
  }
}
