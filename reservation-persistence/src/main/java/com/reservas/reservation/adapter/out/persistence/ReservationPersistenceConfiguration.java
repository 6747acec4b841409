package com.reservas.reservation.adapter.out.persistence;

import com.reservas.reservation.adapter.out.persistence.connection.CancellationSafeConnectionFactory;
import com.reservas.schemas.registry.SchemaRegistries;
import com.reservas.schemas.serde.EventCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.ConnectionFactoryDecorator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the persistence adapters of every reservation port; imported by each service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersistenceProperties.class)
public class ReservationPersistenceConfiguration {

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

  @Bean
  R2dbcReservationRepository reservationRepository(DatabaseClient db) {
    return new R2dbcReservationRepository(db);
  }

  @Bean
  OutboxWriter outboxWriter(DatabaseClient db, Clock clock, PersistenceProperties properties) {
    return new OutboxWriter(db, clock, properties.keepOutboxRows());
  }

  @Bean
  R2dbcReservationEventOutbox reservationEventOutbox(OutboxWriter writer, EventCodec codec) {
    return new R2dbcReservationEventOutbox(writer, codec);
  }

  @Bean
  R2dbcReferenceData referenceData(DatabaseClient db, PersistenceProperties properties) {
    return new R2dbcReferenceData(db, properties.referenceDataCache());
  }

  @Bean
  R2dbcInbox inbox(DatabaseClient db, Clock clock) {
    return new R2dbcInbox(db, clock);
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
