package com.reservas.reservation.adapter.out.persistence;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The webhook registry and delivery schedule, for the services that use them (the reservation API
 * and the notification dispatcher); apart from {@link ReservationPersistenceConfiguration} so the
 * dispatcher holds neither the outbox nor the payment token's key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSecretProperties.class)
public class WebhookPersistenceConfiguration {

  @Bean
  R2dbcWebhookEndpointStore webhookEndpointStore(
      DatabaseClient db, WebhookSecretProperties properties, Environment environment) {
    return new R2dbcWebhookEndpointStore(
        db, properties.toSeal(environment.matchesProfiles("local")));
  }

  @Bean
  R2dbcWebhookDeliveryStore webhookDeliveryStore(DatabaseClient db) {
    return new R2dbcWebhookDeliveryStore(db);
  }
}
