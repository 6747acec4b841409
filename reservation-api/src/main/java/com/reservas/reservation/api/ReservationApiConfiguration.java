package com.reservas.reservation.api;

import com.reservas.privacy.PersonalDataMasker;
import com.reservas.reservation.adapter.in.web.ApiErrorHandler;
import com.reservas.reservation.adapter.in.web.ProblemWriter;
import com.reservas.reservation.adapter.in.web.security.ApiClientDirectory;
import com.reservas.reservation.adapter.in.web.security.ApiKeyAuthenticationFilter;
import com.reservas.reservation.adapter.in.web.security.ApiKeyHasher;
import com.reservas.reservation.adapter.in.web.security.ClientAddresses;
import com.reservas.reservation.adapter.in.web.security.RateLimitFilter;
import com.reservas.reservation.adapter.in.web.security.RateLimitProperties;
import com.reservas.reservation.adapter.in.web.security.SecurityHeadersFilter;
import com.reservas.reservation.adapter.in.web.security.SecurityProperties;
import com.reservas.reservation.adapter.out.persistence.R2dbcAuditTrail;
import com.reservas.reservation.application.port.out.AuditTrail;
import com.reservas.reservation.application.port.out.ReferenceDataPort;
import com.reservas.reservation.application.port.out.ReservationEventOutbox;
import com.reservas.reservation.application.port.out.ReservationRepository;
import com.reservas.reservation.application.port.out.TransactionRunner;
import com.reservas.reservation.application.service.AuditLogService;
import com.reservas.reservation.application.service.CancelReservationService;
import com.reservas.reservation.application.service.CreateReservationService;
import com.reservas.reservation.application.service.GetReservationService;
import com.reservas.reservation.application.service.ReferenceDataService;
import com.reservas.reservation.application.service.SecureRandomReservationCodes;
import com.reservas.reservation.application.service.TransitionWriter;
import java.time.Clock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.ObjectMapper;

/** Wires the use cases of the core to the adapters of this service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  SecurityProperties.class,
  ApiProperties.class,
  RateLimitProperties.class,
  TlsProperties.class
})
class ReservationApiConfiguration {

  /** Refuses to start without TLS where it is required (the prod profile). */
  ReservationApiConfiguration(TlsProperties tls, Environment environment) {
    TlsRequirement.check(tls, environment);
  }

  /** The audit log; details go through the privacy module's masker before they are stored. */
  @Bean
  R2dbcAuditTrail auditTrail(DatabaseClient db) {
    return new R2dbcAuditTrail(db, PersonalDataMasker.standard()::maskText);
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
      AuditTrail audit) {
    return new CreateReservationService(
        referenceData,
        reservations,
        outbox,
        new SecureRandomReservationCodes(),
        transactions,
        clock,
        properties.maxCodeAttempts(),
        audit);
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
      AuditTrail audit) {
    return new CancelReservationService(
        reservations, new TransitionWriter(reservations, outbox, transactions), clock, audit);
  }

  @Bean
  ReferenceDataService referenceDataService(ReferenceDataPort referenceData) {
    return new ReferenceDataService(referenceData);
  }

  @Bean
  ProblemWriter problemWriter(ObjectMapper json) {
    return new ProblemWriter(json);
  }

  @Bean
  ApiErrorHandler apiErrorHandler(ProblemWriter problems) {
    return new ApiErrorHandler(problems);
  }

  @Bean
  ApiKeyHasher apiKeyHasher(SecurityProperties security) {
    return new ApiKeyHasher(security.apiKeyPepper());
  }

  @Bean
  ApiClientDirectory apiClientDirectory(
      DatabaseClient db, Clock clock, SecurityProperties security) {
    return new ApiClientDirectory(db, clock, security.clientCache());
  }

  @Bean
  ClientAddresses clientAddresses(SecurityProperties security) {
    return new ClientAddresses(security.trustedProxies());
  }

  @Bean
  SecurityHeadersFilter securityHeadersFilter() {
    return new SecurityHeadersFilter();
  }

  @Bean
  RateLimitFilter rateLimitFilter(
      RateLimitProperties limits, ClientAddresses addresses, ProblemWriter problems) {
    return new RateLimitFilter(limits, addresses, problems);
  }

  @Bean
  ApiKeyAuthenticationFilter apiKeyAuthenticationFilter(
      ApiClientDirectory clients,
      ApiKeyHasher hasher,
      SecurityProperties security,
      ProblemWriter problems) {
    return new ApiKeyAuthenticationFilter(clients, hasher, security.adminToken(), problems);
  }

  /** Creates the configured seed clients (e.g. {@code local-demo-key}) before traffic arrives. */
  @Bean
  ApplicationRunner seedApiClients(
      ApiClientDirectory clients, ApiKeyHasher hasher, SecurityProperties security) {
    return args ->
        Flux.fromIterable(security.seedClients())
            .concatMap(c -> clients.register(c.id(), c.name(), hasher.hash(c.apiKey())))
            .blockLast();
  }
}
