package com.reservas.projector;

import com.reservas.consumer.support.deadletter.DeadLetterReplayer;
import com.reservas.consumer.support.kafka.EventValueSerializer;
import com.reservas.projector.adapter.in.kafka.OutcomeListener;
import com.reservas.projector.adapter.in.kafka.UnknownOutcomeException;
import com.reservas.projector.adapter.in.web.DeadLettersController;
import com.reservas.projector.adapter.in.web.StuckReservationsController;
import com.reservas.reservation.adapter.out.persistence.R2dbcPolicyLease;
import com.reservas.reservation.application.port.out.AuditTrail;
import com.reservas.reservation.application.port.out.ExternalCallLog;
import com.reservas.reservation.application.port.out.Inbox;
import com.reservas.reservation.application.port.out.ReservationEventOutbox;
import com.reservas.reservation.application.port.out.ReservationRepository;
import com.reservas.reservation.application.port.out.TransactionRunner;
import com.reservas.reservation.application.service.ApplyOutcomeService;
import com.reservas.reservation.application.service.StuckReservationsService;
import com.reservas.reservation.application.service.TransitionWriter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.util.backoff.ExponentialBackOff;

/** Wires the outcome use case, the Kafka listener and the stuck-reservation policy. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectorProperties.class)
@EnableScheduling
class StatusProjectorConfiguration implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(StatusProjectorConfiguration.class);

  /** The longest one replay of one dead-letter topic reads. */
  private static final Duration DEAD_LETTER_REPLAY_TIMEOUT = Duration.ofSeconds(30);

  private final AtomicInteger stuckCount = new AtomicInteger();
  private final AtomicInteger needingAttention = new AtomicInteger();
  private StuckReservationsService stuckService;
  private ProjectorProperties properties;
  private R2dbcPolicyLease lease;

  @Bean
  TransitionWriter transitionWriter(
      ReservationRepository reservations,
      ReservationEventOutbox outbox,
      TransactionRunner transactions) {
    return new TransitionWriter(reservations, outbox, transactions);
  }

  @Bean
  ApplyOutcomeService applyOutcome(
      Inbox inbox,
      ReservationRepository reservations,
      ExternalCallLog calls,
      TransitionWriter writer,
      AuditTrail audit) {
    return new ApplyOutcomeService(inbox, reservations, calls, writer, audit);
  }

  @Bean
  StuckReservationsService stuckReservations(
      ReservationRepository reservations,
      TransitionWriter writer,
      Clock clock,
      ProjectorProperties properties,
      MeterRegistry meters,
      AuditTrail audit) {
    var stuck = properties.stuck();
    this.stuckService =
        new StuckReservationsService(
            reservations,
            writer,
            clock,
            new StuckReservationsService.Policy(
                stuck.remindAfter(), stuck.expireAfter(), stuck.batchSize()),
            audit);
    this.properties = properties;
    Gauge.builder("reservas.reservations.stuck", stuckCount, AtomicInteger::get)
        .description("Reservations waiting longer than the reminder threshold, or needing a person")
        .register(meters);
    Gauge.builder("reservas.reservations.needing.attention", needingAttention, AtomicInteger::get)
        .description("Reservations whose payment or booking operation was refused for good")
        .register(meters);
    return stuckService;
  }

  /**
   * The stuck-reservation policy runs in one replica at a time: the others wait as hot standbys and
   * take over at most {@code stuck.lease-for} after the holder's last pass. Released on shutdown,
   * so a rolling restart hands it over at once.
   */
  @Bean(destroyMethod = "")
  R2dbcPolicyLease stuckPolicyLease(DatabaseClient db, ProjectorProperties properties) {
    String holder =
        ProcessHandle.current().pid()
            + "@"
            + hostName()
            + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    R2dbcPolicyLease lease =
        new R2dbcPolicyLease(db, "stuck-reservations", holder, properties.stuck().leaseFor());
    this.lease = lease;
    return lease;
  }

  @PreDestroy
  void releaseStuckPolicyLease() {
    if (lease != null) {
      try {
        lease.release().block(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        log.warn(
            "Could not release the stuck-policy lease (it expires by itself): {}", e.toString());
      }
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }

  @Bean
  OutcomeListener outcomeListener(
      ApplyOutcomeService applying, ProjectorProperties properties, MeterRegistry meters) {
    return new OutcomeListener(applying, properties.groupId(), meters);
  }

  @Bean
  StuckReservationsController stuckReservationsController(StuckReservationsService stuck) {
    return new StuckReservationsController(stuck);
  }

  /** Reads both dead-letter topics back into the topics their records came from. */
  @Bean
  DeadLettersController deadLettersController(
      KafkaProperties kafka, ProjectorProperties properties) {
    Map<String, Object> consumer = kafka.buildConsumerProperties();
    Map<String, Object> producer = kafka.buildProducerProperties();
    return new DeadLettersController(
        List.of(properties.paymentsTopic(), properties.suppliersTopic()).stream()
            .map(
                topic ->
                    new DeadLetterReplayer(
                        consumer,
                        producer,
                        properties.deadLetterTopic(topic),
                        properties.groupId() + "-dlt-replay",
                        topic,
                        DEAD_LETTER_REPLAY_TIMEOUT))
            .toList());
  }

  /**
   * The dead-letter topics, created at start like the consumers' retry and dead-letter topics
   * (brokers do not auto-create topics): a dead-letter send to a missing topic fails, and the
   * record it was meant to set aside would block its partition for good.
   */
  @Bean
  KafkaAdmin.NewTopics deadLetterTopics(ProjectorProperties properties) {
    return new KafkaAdmin.NewTopics(
        properties.deadLetterTopics().stream()
            .map(
                topic ->
                    TopicBuilder.name(topic).partitions(properties.deadLetterPartitions()).build())
            .toArray(NewTopic[]::new));
  }

  /**
   * Failures are retried in place with growing pauses and no limit: order per reservation is kept
   * and a database outage loses nothing. Only records that can never be processed (undecodable,
   * unknown type, invalid content) go to {@code <topic>-status-projector-dlt} at once, so the
   * reservations after them on the partition keep flowing.
   */
  @Bean
  DefaultErrorHandler outcomeErrorHandler(KafkaProperties kafka, ProjectorProperties properties) {
    Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventValueSerializer.class);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    KafkaTemplate<Object, Object> template =
        new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
    DeadLetterPublishingRecoverer deadLetters =
        new DeadLetterPublishingRecoverer(
            template,
            (record, error) -> new TopicPartition(properties.deadLetterTopic(record.topic()), -1));
    // Unlimited attempts (a plain ExponentialBackOff never gives up);
    // ExponentialBackOffWithMaxRetries
    // would precompute its total elapsed time over Integer.MAX_VALUE steps on every setter.
    ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
    DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
    handler.addNotRetryableExceptions(
        DeserializationException.class,
        UnknownOutcomeException.class,
        IllegalArgumentException.class,
        NullPointerException.class);
    return handler;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::resolveStuck, properties().stuck().checkEvery());
  }

  private ProjectorProperties properties() {
    if (properties == null) {
      throw new IllegalStateException("stuckReservations bean not created");
    }
    return properties;
  }

  private void resolveStuck() {
    try {
      stuckCount.set(stuckService.stuck().map(List::size).blockOptional().orElse(0));
      needingAttention.set(
          stuckService.needingAttention().map(List::size).blockOptional().orElse(0));
      if (!Boolean.TRUE.equals(lease.acquire().block())) {
        log.debug("Stuck reservations: another replica holds the policy");
        return;
      }
      var resolution = stuckService.resolve().block();
      if (resolution != null && (resolution.reminded() > 0 || resolution.expired() > 0)) {
        log.info(
            "Stuck reservations: {} reminded, {} expired",
            resolution.reminded(),
            resolution.expired());
      }
    } catch (RuntimeException e) {
      log.warn("Stuck-reservation check failed: {}", e.toString());
    }
  }
}
