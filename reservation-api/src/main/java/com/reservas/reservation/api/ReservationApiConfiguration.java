package com.reservas.reservation.api;

import com.reservas.reservation.adapter.in.web.ApiErrorHandler;
import com.reservas.reservation.adapter.in.web.TraceContextWebFilter;
import com.reservas.reservation.adapter.in.web.security.ApiClientDirectory;
import com.reservas.reservation.adapter.in.web.security.ApiKeyHasher;
import com.reservas.reservation.adapter.in.web.security.RateLimitProperties;
import com.reservas.reservation.adapter.in.web.security.SecurityHeadersFilter;
import com.reservas.reservation.adapter.in.web.security.SecurityProperties;
import com.reservas.reservation.adapter.out.dns.JdkHostResolver;
import com.reservas.reservation.application.port.out.ApiClientStore;
import com.reservas.reservation.application.port.out.AuditTrail;
import com.reservas.reservation.application.port.out.ReferenceDataPort;
import com.reservas.reservation.application.port.out.ReservationEventOutbox;
import com.reservas.reservation.application.port.out.ReservationRepository;
import com.reservas.reservation.application.port.out.SagaProgress;
import com.reservas.reservation.application.port.out.TransactionRunner;
import com.reservas.reservation.application.port.out.WebhookDeliveryStore;
import com.reservas.reservation.application.port.out.WebhookEndpointStore;
import com.reservas.reservation.application.service.AuditLogService;
import com.reservas.reservation.application.service.CancelReservationService;
import com.reservas.reservation.application.service.CreateReservationService;
import com.reservas.reservation.application.service.GetReservationService;
import com.reservas.reservation.application.service.ReferenceDataService;
import com.reservas.reservation.application.service.SecureRandomReservationCodes;
import com.reservas.reservation.application.service.TransitionWriter;
import com.reservas.reservation.application.service.WebhookEndpointsService;
import com.reservas.starter.security.CredentialRules;
import com.reservas.starter.web.ProblemWriter;
import java.time.Clock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Flux;

/** Wires the use cases of the core to the adapters of this service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  SecurityProperties.class,
  ApiProperties.class,
  RateLimitProperties.class,
  TlsProperties.class
})
class ReservationApiConfiguration {

  /**
   * Refuses to start with demo clients outside the local profile, and without TLS where it is
   * required (the prod profile).
   */
  ReservationApiConfiguration(
      TlsProperties tls, SecurityProperties security, Environment environment) {
    DemoClients.check(security, environment);
    TlsRequirement.check(tls, environment);
  }

  @Bean
  AuditLogService auditLog(AuditTrail audit) {
    return new AuditLogService(audit);
  }

  @Bean
  CreateReservationService createReservation(
      ReferenceDataPort referenceData,
      ReservationRepository reservations,
      ReservationEventOutbox outbox,
      TransactionRunner transactions,
      Clock clock,
      ApiProperties properties,
      AuditTrail audit,
      SagaProgress sagaProgress) {
    return new CreateReservationService(
        referenceData,
        reservations,
        outbox,
        new SecureRandomReservationCodes(),
        transactions,
        clock,
        properties.maxCodeAttempts(),
        audit,
        sagaProgress);
  }

  @Bean
  GetReservationService getReservation(
      ReservationRepository reservations, AuditTrail audit, Clock clock) {
    return new GetReservationService(reservations, audit, clock);
  }

  @Bean
  CancelReservationService cancelReservation(
      ReservationRepository reservations,
      ReservationEventOutbox outbox,
      TransactionRunner transactions,
      Clock clock,
      AuditTrail audit,
      SagaProgress sagaProgress) {
    return new CancelReservationService(
        reservations,
        new TransitionWriter(reservations, outbox, transactions, sagaProgress),
        clock,
        audit);
  }

  /**
   * Webhook endpoints: at most {@code reservas.webhooks.max-endpoints-per-client} (10) per client;
   * plain http to this machine only under the {@code local} profile.
   */
  @Bean
  WebhookEndpointsService webhookEndpoints(
      WebhookEndpointStore endpoints,
      WebhookDeliveryStore deliveries,
      Clock clock,
      Environment environment) {
    return new WebhookEndpointsService(
        endpoints,
        deliveries,
        new JdkHostResolver(),
        clock,
        environment.getProperty("reservas.webhooks.max-endpoints-per-client", Integer.class, 10),
        environment.matchesProfiles("local"));
  }

  @Bean
  ReferenceDataService referenceDataService(ReferenceDataPort referenceData) {
    return new ReferenceDataService(referenceData);
  }

  @Bean
  TraceContextWebFilter traceContextWebFilter() {
    return new TraceContextWebFilter();
  }

  @Bean
  ApiErrorHandler apiErrorHandler(ProblemWriter problems) {
    return new ApiErrorHandler(problems);
  }

  /**
   * Keys are hashed under the pepper; outside the {@code local} profile a placeholder or short
   * pepper stops the start-up (the development one says "not-for-production").
   */
  @Bean
  ApiKeyHasher apiKeyHasher(SecurityProperties security, Environment environment) {
    if (!environment.matchesProfiles("local")) {
      CredentialRules.require("reservas.security.api-key-pepper", security.apiKeyPepper());
    }
    return new ApiKeyHasher(security.apiKeyPepper());
  }

  @Bean
  ApiClientDirectory apiClientDirectory(
      ApiClientStore store, Clock clock, SecurityProperties security, RateLimitProperties limits) {
    return new ApiClientDirectory(
        store, clock, security.clientCache(), limits.clientQuota().quota());
  }

  @Bean
  SecurityHeadersFilter securityHeadersFilter() {
    return new SecurityHeadersFilter();
  }

  /**
   * Creates the local run's demo clients (e.g. {@code local-demo-key}) before traffic arrives, if
   * they do not exist: a revoked or re-keyed demo client stays so.
   */
  @Bean
  ApplicationRunner seedApiClients(
      ApiClientDirectory clients, ApiKeyHasher hasher, SecurityProperties security) {
    return args ->
        Flux.fromIterable(security.seedClients())
            .concatMap(c -> clients.seed(c.id(), c.name(), hasher.hash(c.apiKey())))
            .blockLast();
  }
}
