package com.reservas.reservation.adapter.out.persistence;

import com.reservas.privacy.PersonalDataMasker;
import com.reservas.reservation.adapter.out.persistence.connection.CancellationSafeConnectionFactory;
import com.reservas.schemas.Topics;
import com.reservas.schemas.registry.SchemaRegistries;
import com.reservas.schemas.seal.TokenSeal;
import com.reservas.schemas.serde.EventCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.ConnectionFactoryDecorator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Wires the persistence adapters of every reservation port; imported by each service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersistenceProperties.class)
public class ReservationPersistenceConfiguration {

  private static final Logger log =
      LoggerFactory.getLogger(ReservationPersistenceConfiguration.class);

  /** UTC, ticking in microseconds: what the database keeps, so nothing changes on a round trip. */
  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }

  /**
   * Every driver connection, under Boot's pool, runs its commands one at a time and to their end:
   * the driver's own queue wedges a connection on a cancel (see {@link
   * CancellationSafeConnectionFactory}).
   */
  @Bean
  ConnectionFactoryDecorator cancellationSafeConnections() {
    return CancellationSafeConnectionFactory::new;
  }

  @Bean
  EventCodec eventCodec(Environment environment) {
    Map<String, String> registry = new HashMap<>();
    for (String key :
        List.of(
            SchemaRegistries.URL_CONFIG,
            SchemaRegistries.USERNAME_CONFIG,
            SchemaRegistries.PASSWORD_CONFIG)) {
      String value = environment.getProperty(key);
      if (value != null) {
        registry.put(key, value);
      }
    }
    return EventCodec.fromConfig(registry);
  }

  /**
   * Registers the outbox's schemas once the service is ready, so that no request waits on the
   * registry; if it is not reachable yet, the first append of each schema registers it instead.
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> outboxSchemaRegistration(EventCodec codec) {
    return ready ->
        Mono.fromRunnable(() -> codec.registerSchemasOf(Topics.RESERVATIONS))
            .subscribeOn(Schedulers.boundedElastic())
            .subscribe(
                null,
                error ->
                    log.warn(
                        "Outbox schemas not registered at start; the first event of each will"
                            + " register it: {}",
                        error.getMessage()));
  }

  @Bean
  R2dbcReservationRepository reservationRepository(DatabaseClient db) {
    return new R2dbcReservationRepository(db);
  }

  @Bean
  OutboxWriter outboxWriter(DatabaseClient db, Clock clock, PersistenceProperties properties) {
    return new OutboxWriter(db, clock, properties.keepOutboxRows());
  }

  @Bean
  R2dbcReservationEventOutbox reservationEventOutbox(
      OutboxWriter writer, EventCodec codec, TokenSeal tokenSeal) {
    return new R2dbcReservationEventOutbox(writer, codec, tokenSeal);
  }

  @Bean
  R2dbcReferenceData referenceData(DatabaseClient db, PersistenceProperties properties) {
    return new R2dbcReferenceData(db, properties.referenceDataCache());
  }

  @Bean
  R2dbcInbox inbox(DatabaseClient db, Clock clock) {
    return new R2dbcInbox(db, clock);
  }

  /** The audit log; details go through the privacy module's masker before they are stored. */
  @Bean
  R2dbcAuditTrail auditTrail(DatabaseClient db) {
    return new R2dbcAuditTrail(db, PersonalDataMasker.standard()::maskText);
  }

  @Bean
  R2dbcApiClientStore apiClientStore(DatabaseClient db) {
    return new R2dbcApiClientStore(db);
  }

  @Bean
  R2dbcExternalCallLog externalCallLog(DatabaseClient db) {
    return new R2dbcExternalCallLog(db);
  }

  @Bean
  ReactiveTransactionRunner transactionRunner(ReactiveTransactionManager transactionManager) {
    return new ReactiveTransactionRunner(TransactionalOperator.create(transactionManager));
  }
}
