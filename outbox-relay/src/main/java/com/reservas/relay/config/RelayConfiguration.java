package com.reservas.relay.config;

import com.reservas.relay.engine.InvalidRowPolicy;
import com.reservas.relay.engine.PublishTracing;
import com.reservas.relay.engine.RelayMetrics;
import com.reservas.relay.engine.RelaySupervisor;
import com.reservas.relay.health.RelayHealthIndicator;
import com.reservas.relay.topics.TopicProvisioner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the relay: its topics, producer, supervisor, metrics and health check. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelayProperties.class)
public class RelayConfiguration {

  /** The most in-flight requests with which an idempotent producer still keeps order. */
  static final int MAX_IN_FLIGHT = 5;

  /**
   * Spring Boot's producer settings ({@code spring.kafka.*}) with the relay's delivery guarantees
   * forced on top: every in-sync replica acknowledges, idempotence on (no duplicates from the
   * producer's own retries, order kept per partition), at most five requests in flight.
   */
  public static Map<String, Object> producerConfig(Map<String, Object> base) {
    Map<String, Object> config = new HashMap<>(base);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    Object inFlight = config.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
    if (inFlight == null || Integer.parseInt(inFlight.toString()) > MAX_IN_FLIGHT) {
      config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, MAX_IN_FLIGHT);
    }
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    return config;
  }

  /** The topics the relay creates: every routable topic, and the dead-letter topic if used. */
  public static TopicProvisioner.TopicSpec topicSpec(RelayProperties properties) {
    RelayProperties.TopicSettings topics = properties.topics();
    List<String> names = new ArrayList<>(topics.names());
    if (properties.invalidRow() == InvalidRowPolicy.DEAD_LETTER) {
      names.add(properties.deadLetterTopic());
    }
    return new TopicProvisioner.TopicSpec(
        names,
        topics.partitions(),
        topics.replicationFactor(),
        topics.retention(),
        topics.configs());
  }

  @Bean
  RelayMetrics relayMetrics(MeterRegistry registry) {
    return new RelayMetrics(registry);
  }

  @Bean
  RelaySupervisor relaySupervisor(
      RelayProperties properties,
      KafkaProperties kafka,
      RelayMetrics metrics,
      ObjectProvider<Propagator> propagator) {
    Map<String, Object> producer = producerConfig(kafka.buildProducerProperties());
    Map<String, Object> admin = kafka.buildAdminProperties();
    Runnable preflight =
        properties.topics().create()
            ? new TopicProvisioner(() -> Admin.create(admin), topicSpec(properties))
            : () -> {};
    PublishTracing tracing =
        new MicrometerPublishTracing(propagator.getIfAvailable(() -> Propagator.NOOP));
    return new RelaySupervisor(
        properties,
        () -> new KafkaProducer<>(producer),
        preflight,
        metrics,
        Clock.systemUTC(),
        tracing);
  }

  @Bean
  SmartLifecycle relayLifecycle(RelaySupervisor supervisor) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        supervisor.start();
        running = true;
      }

      @Override
      public void stop() {
        supervisor.close();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }
    };
  }

  @Bean
  RelayHealthIndicator relayHealthIndicator(
      RelaySupervisor supervisor, RelayProperties properties) {
    return new RelayHealthIndicator(
        () -> supervisor.state().snapshot(), properties.health().stallTimeout(), Clock.systemUTC());
  }
}
