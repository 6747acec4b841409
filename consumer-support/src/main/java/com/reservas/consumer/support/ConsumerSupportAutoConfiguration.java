package com.reservas.consumer.support;

import com.reservas.consumer.support.audit.ExternalCallRecorder;
import com.reservas.consumer.support.deadletter.DeadLetterReplayController;
import com.reservas.consumer.support.deadletter.DeadLetterReplayer;
import com.reservas.consumer.support.kafka.ConsumerLagMetrics;
import com.reservas.consumer.support.kafka.DeadLetterLogger;
import com.reservas.consumer.support.kafka.EventValueSerializer;
import com.reservas.consumer.support.kafka.ExceptionHeaderMaskingInterceptor;
import com.reservas.consumer.support.kafka.KafkaListenersHealthIndicator;
import com.reservas.consumer.support.kafka.NonRetryableEventException;
import com.reservas.consumer.support.kafka.OutcomePublisher;
import com.reservas.consumer.support.kafka.PollBudget;
import com.reservas.consumer.support.kafka.ReservationLoops;
import com.reservas.consumer.support.kafka.TraceparentHeaderHandler;
import com.reservas.privacy.PersonalDataMasker;
import com.reservas.schemas.registry.SchemaRegistries;
import com.reservas.schemas.serde.AvroEventDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.kafka.retrytopic.SameIntervalTopicReuseStrategy;
import org.springframework.kafka.retrytopic.TopicSuffixingStrategy;
import org.springframework.kafka.support.EndpointHandlerMethod;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Wires the consumer plumbing into a Spring Boot service that sets {@code
 * reservas.consumer.group-id} (see {@link ConsumerProperties} and the module README). Runs before
 * Boot's Kafka auto-configuration and customizes its factories rather than replacing them, so every
 * {@code spring.kafka.*} setting (servers, security, SSL bundles, concurrency) still applies.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnProperty(prefix = "reservas.consumer", name = "group-id")
@EnableConfigurationProperties(ConsumerProperties.class)
public class ConsumerSupportAutoConfiguration {

  private static final List<String> SCHEMA_REGISTRY_KEYS =
      List.of(
          SchemaRegistries.URL_CONFIG,
          SchemaRegistries.USERNAME_CONFIG,
          SchemaRegistries.PASSWORD_CONFIG,
          SchemaRegistries.CONNECT_TIMEOUT_CONFIG,
          SchemaRegistries.REQUEST_TIMEOUT_CONFIG);

  /** The masker, for services and the recorder. */
  @Bean
  @ConditionalOnMissingBean
  public PersonalDataMasker personalDataMasker() {
    return PersonalDataMasker.standard();
  }

  /**
   * Consumers read String keys and Avro events; a value that cannot be deserialized becomes a
   * {@code DeserializationException} (ErrorHandlingDeserializer) that sends the record straight to
   * the dead-letter topic instead of blocking the partition. No auto-commit: the container commits
   * each record after the listener returned. A new group starts from the earliest offset unless
   * {@code spring.kafka.consumer.auto-offset-reset} says otherwise.
   */
  @Bean
  public DefaultKafkaConsumerFactoryCustomizer reservasConsumerFactoryCustomizer(
      ConsumerProperties properties, Environment environment) {
    return factory -> {
      Map<String, Object> configs = schemaRegistryConfigs(environment);
      configs.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
      configs.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
      configs.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
      configs.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, AvroEventDeserializer.class);
      configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      if (!factory
          .getConfigurationProperties()
          .containsKey(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
        configs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      }
      configs.put(
          ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
          PollBudget.maxPollRecords(
              factory.getConfigurationProperties(), properties.slowestRecord()));
      factory.updateConfigs(configs);
    };
  }

  /**
   * Producers write String keys and Avro events (raw bytes pass through, for dead letters that
   * could not be deserialized), with {@code acks=all} and idempotence, and no linger (an outcome is
   * awaited before the next record) unless {@code spring.kafka.producer.properties.linger.ms} is
   * set. Exception headers of retried and dead letters are masked ({@link
   * ExceptionHeaderMaskingInterceptor}).
   */
  @Bean
  public DefaultKafkaProducerFactoryCustomizer reservasProducerFactoryCustomizer(
      Environment environment) {
    return factory -> {
      Map<String, Object> configs = schemaRegistryConfigs(environment);
      configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
      configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventValueSerializer.class);
      configs.put(ProducerConfig.ACKS_CONFIG, "all");
      configs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      if (!factory.getConfigurationProperties().containsKey(ProducerConfig.LINGER_MS_CONFIG)) {
        configs.put(ProducerConfig.LINGER_MS_CONFIG, 0);
      }
      Object interceptors =
          factory.getConfigurationProperties().get(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG);
      String masking = ExceptionHeaderMaskingInterceptor.class.getName();
      configs.put(
          ProducerConfig.INTERCEPTOR_CLASSES_CONFIG,
          interceptors == null || interceptors.toString().isBlank()
              ? masking
              : interceptors.toString().contains(masking)
                  ? interceptors.toString()
                  : interceptors + "," + masking);
      factory.updateConfigs(configs);
    };
  }

  /** Send failures are logged without the record's contents (they hold personal data). */
  @Bean
  @ConditionalOnMissingBean(ProducerListener.class)
  public ProducerListener<Object, Object> kafkaProducerListener() {
    LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
    listener.setIncludeContents(false);
    return listener;
  }

  /**
   * A record is committed only after its listener returned, i.e. after its outcome was published;
   * handled records' offsets are committed together, at most once per {@code
   * reservas.consumer.commit-interval} (1 s; 0: after every poll), which spares the broker an
   * offset commit per record under load. A redelivery after a crash is harmless: handling is
   * idempotent. A container whose group is not {@code reservas.consumer.group-id} (a listener
   * without {@code groupId = ConsumerProperties.GROUP_ID}) stops the start-up: its retry and
   * dead-letter topics would be named after another group. A batch listener (the status projector)
   * keeps a span per record ({@code recordObservationsInBatch}), as a record listener has.
   */
  @Bean
  public ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>
      reservasListenerContainerCustomizer(ConsumerProperties properties) {
    return container -> {
      // Retry and dead-letter containers consume as "<group><topic suffix>".
      String group = container.getGroupId();
      if (group == null || !group.startsWith(properties.groupId())) {
        throw new IllegalStateException(
            "Listener '"
                + container.getListenerId()
                + "' consumes as group '"
                + group
                + "' but reservas.consumer.group-id is '"
                + properties.groupId()
                + "': declare it with @KafkaListener(groupId = ConsumerProperties.GROUP_ID, ...)");
      }
      ContainerProperties containerProperties = container.getContainerProperties();
      if (properties.commitInterval().isZero()) {
        containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
      } else {
        containerProperties.setAckMode(ContainerProperties.AckMode.TIME);
        containerProperties.setAckTime(properties.commitInterval().toMillis());
      }
      containerProperties.setRecordObservationsInBatch(true);
    };
  }

  /** The trace context of each received record moves on to the span handling it. */
  @Bean
  public TraceparentHeaderHandler traceparentHeaderHandler() {
    return new TraceparentHeaderHandler();
  }

  /** Publishes outcomes and waits for the broker. */
  @Bean
  @ConditionalOnMissingBean
  public OutcomePublisher outcomePublisher(
      KafkaTemplate<Object, Object> kafkaTemplate, ConsumerProperties properties) {
    return new OutcomePublisher(kafkaTemplate, properties.publishTimeout());
  }

  /** Builds the consumers' loops around {@link #outcomePublisher}. */
  @Bean
  @ConditionalOnMissingBean
  public ReservationLoops reservationLoops(
      OutcomePublisher outcomePublisher,
      ExternalCallRecorder externalCallRecorder,
      ObjectProvider<MeterRegistry> meterRegistry,
      ConsumerProperties properties) {
    return new ReservationLoops(
        outcomePublisher,
        externalCallRecorder,
        properties.outcomeTopic(),
        Clock.systemUTC(),
        meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
  }

  /** Logs and counts dead letters. */
  @Bean
  @ConditionalOnMissingBean
  public DeadLetterLogger deadLetterLogger(
      PersonalDataMasker masker,
      ObjectProvider<MeterRegistry> meterRegistry,
      ConsumerProperties properties) {
    return new DeadLetterLogger(
        masker,
        meterRegistry.getIfAvailable(SimpleMeterRegistry::new),
        properties.groupId(),
        properties.topics().stream().map(properties::deadLetterTopic).toList());
  }

  /**
   * Non-blocking retries of the input topic ({@code retry.mode: topics}, the default): {@code
   * <input>-<group>-retry-<n>} with exponential delays, then {@code <input>-<group>-dlt} with the
   * exception in its headers. Records that cannot be deserialized or throw {@link
   * NonRetryableEventException} go to the dead-letter topic at once. Topics are created at
   * start-up.
   */
  @Bean
  @ConditionalOnProperty(
      prefix = "reservas.consumer.retry",
      name = "mode",
      havingValue = "topics",
      matchIfMissing = true)
  @ConditionalOnMissingBean(name = "reservasRetryTopics")
  public RetryTopicConfiguration reservasRetryTopics(
      KafkaTemplate<Object, Object> kafkaTemplate, ConsumerProperties properties) {
    ConsumerProperties.Retry retry = properties.retry();
    return RetryTopicConfigurationBuilder.newInstance()
        .includeTopic(properties.inputTopic())
        .maxAttempts(retry.attempts())
        .exponentialBackoff(
            retry.initialDelay().toMillis(), retry.multiplier(), retry.maxDelay().toMillis())
        .retryTopicSuffix(properties.retryTopicSuffix())
        .dltSuffix(properties.deadLetterTopicSuffix())
        .setTopicSuffixingStrategy(TopicSuffixingStrategy.SUFFIX_WITH_INDEX_VALUE)
        .sameIntervalTopicReuseStrategy(SameIntervalTopicReuseStrategy.SINGLE_TOPIC)
        .autoCreateTopicsWith(retry.topicPartitions(), retry.topicReplicationFactor())
        .concurrency(retry.concurrency())
        .notRetryOn(NonRetryableEventException.class)
        .traversingCauses()
        .dltHandlerMethod(new EndpointHandlerMethod(DeadLetterLogger.class, "onDeadLetter"))
        .create(kafkaTemplate);
  }

  /**
   * Blocking retries ({@code retry.mode: in-place}): a failed record is redelivered from its own
   * partition after a pause growing from {@code retry.initial-delay} by {@code retry.multiplier} up
   * to {@code retry.max-delay}, without limit, so a key's records keep their order and an outage
   * pauses the partition without skipping anything. Records that cannot be deserialized or throw
   * {@link NonRetryableEventException} go at once to {@code <topic>-<group>-dlt} (through the
   * shared {@code KafkaTemplate}, with the exception in the headers) and are logged and counted by
   * {@link DeadLetterLogger}; the records behind them keep flowing. Boot's listener container
   * factory takes this handler (the only {@link CommonErrorHandler} bean).
   */
  @Bean
  @ConditionalOnProperty(
      prefix = "reservas.consumer.retry",
      name = "mode",
      havingValue = "in-place")
  @ConditionalOnMissingBean(CommonErrorHandler.class)
  public DefaultErrorHandler reservasInPlaceErrorHandler(
      KafkaTemplate<Object, Object> kafkaTemplate,
      ConsumerProperties properties,
      DeadLetterLogger deadLetterLogger) {
    DeadLetterPublishingRecoverer deadLetters =
        new LoggingDeadLetterRecoverer(kafkaTemplate, properties, deadLetterLogger);
    ConsumerProperties.Retry retry = properties.retry();
    // A plain ExponentialBackOff never gives up; ExponentialBackOffWithMaxRetries would precompute
    // its total elapsed time over Integer.MAX_VALUE steps on every setter.
    ExponentialBackOff backOff =
        new ExponentialBackOff(retry.initialDelay().toMillis(), retry.multiplier());
    backOff.setMaxInterval(retry.maxDelay().toMillis());
    DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
    handler.addNotRetryableExceptions(NonRetryableEventException.class);
    // DeserializationException and the framework's other fatal exceptions are not retried either.
    handler.addNotRetryableExceptions(DeserializationException.class);
    return handler;
  }

  /**
   * The dead-letter topics of in-place retries, {@code <topic>-<group>-dlt} for each input topic,
   * created at start-up (brokers do not auto-create topics: a dead-letter send to a missing topic
   * fails, and the record it was meant to set aside would block its partition for good).
   */
  @Bean
  @ConditionalOnProperty(
      prefix = "reservas.consumer.retry",
      name = "mode",
      havingValue = "in-place")
  public KafkaAdmin.NewTopics reservasDeadLetterTopics(ConsumerProperties properties) {
    ConsumerProperties.Retry retry = properties.retry();
    return new KafkaAdmin.NewTopics(
        properties.topics().stream()
            .map(
                topic ->
                    TopicBuilder.name(properties.deadLetterTopic(topic))
                        .partitions(retry.topicPartitions())
                        .replicas(retry.topicReplicationFactor())
                        .build())
            .toArray(NewTopic[]::new));
  }

  /** Sends to {@code <topic>-<group>-dlt}, then logs and counts the dead letter. */
  private static final class LoggingDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    private final ConsumerProperties properties;
    private final DeadLetterLogger logger;

    LoggingDeadLetterRecoverer(
        KafkaTemplate<Object, Object> template,
        ConsumerProperties properties,
        DeadLetterLogger logger) {
      super(
          template,
          (record, error) -> new TopicPartition(properties.deadLetterTopic(record.topic()), -1));
      this.properties = properties;
      this.logger = logger;
    }

    @Override
    public void accept(
        ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
      super.accept(record, consumer, exception);
      logger.onDeadLettered(record, properties.deadLetterTopic(record.topic()), exception);
    }
  }

  /** Masks and records external calls for the outcome events. */
  @Bean
  @ConditionalOnMissingBean
  public ExternalCallRecorder externalCallRecorder(
      PersonalDataMasker masker, ConsumerProperties properties) {
    return new ExternalCallRecorder(masker, properties.audit().maxBodyLength());
  }

  /** Replays the dead-letter topic to the input topic (one input topic, retry topics). */
  @Bean
  @ConditionalOnProperty(
      prefix = "reservas.consumer.retry",
      name = "mode",
      havingValue = "topics",
      matchIfMissing = true)
  @ConditionalOnMissingBean
  public DeadLetterReplayer deadLetterReplayer(
      ConsumerFactory<?, ?> consumerFactory,
      ProducerFactory<?, ?> producerFactory,
      ConsumerProperties properties) {
    return replayer(consumerFactory, producerFactory, properties, properties.inputTopic());
  }

  /**
   * {@code /admin/dead-letters}, when the service has a web server: over the {@link
   * DeadLetterReplayer} bean (retry topics), else (in-place retries) over one replayer per input
   * topic, each replaying {@code <topic>-<group>-dlt} to the topic its records came from.
   */
  @Bean
  @ConditionalOnWebApplication
  @ConditionalOnMissingBean
  public DeadLetterReplayController deadLetterReplayController(
      ObjectProvider<DeadLetterReplayer> replayer,
      ConsumerFactory<?, ?> consumerFactory,
      ProducerFactory<?, ?> producerFactory,
      ConsumerProperties properties) {
    DeadLetterReplayer single = replayer.getIfAvailable();
    return new DeadLetterReplayController(
        single != null
            ? List.of(single)
            : properties.topics().stream()
                .map(topic -> replayer(consumerFactory, producerFactory, properties, topic))
                .toList());
  }

  private static DeadLetterReplayer replayer(
      ConsumerFactory<?, ?> consumerFactory,
      ProducerFactory<?, ?> producerFactory,
      ConsumerProperties properties,
      String topic) {
    return new DeadLetterReplayer(
        consumerFactory.getConfigurationProperties(),
        producerFactory.getConfigurationProperties(),
        properties.deadLetterTopic(topic),
        properties.groupId() + "-dlt-replay",
        topic,
        properties.deadLetter().replayTimeout());
  }

  /**
   * {@code reservas.consumer.lag{group,topic,partition}}, read from the broker every {@code
   * reservas.consumer.lag-interval}.
   */
  @Bean
  public ConsumerLagMetrics reservasConsumerLagMetrics(
      KafkaAdmin kafkaAdmin,
      ConsumerProperties properties,
      ObjectProvider<MeterRegistry> meterRegistry) {
    return new ConsumerLagMetrics(
        kafkaAdmin.getConfigurationProperties(),
        properties.groupId(),
        properties.topics(),
        properties.lagInterval(),
        meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
  }

  /** {@code kafkaListeners} health: are the listener containers running? */
  @Bean(name = "kafkaListenersHealthIndicator")
  @ConditionalOnMissingBean(name = "kafkaListenersHealthIndicator")
  public KafkaListenersHealthIndicator kafkaListenersHealthIndicator(
      KafkaListenerEndpointRegistry registry) {
    return new KafkaListenersHealthIndicator(registry);
  }

  private static Map<String, Object> schemaRegistryConfigs(Environment environment) {
    Map<String, Object> configs = new HashMap<>();
    for (String key : SCHEMA_REGISTRY_KEYS) {
      String value = environment.getProperty(key);
      if (value != null && !value.isBlank()) {
        configs.put(key, value);
      }
    }
    return configs;
  }
}
