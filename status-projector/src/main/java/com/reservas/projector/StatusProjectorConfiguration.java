package com.reservas.projector;

import com.reservas.consumer.support.ConsumerProperties;
import com.reservas.projector.adapter.in.kafka.OutcomeListener;
import com.reservas.projector.adapter.in.scheduling.StuckReservationsJob;
import com.reservas.projector.adapter.in.web.StuckReservationsController;
import com.reservas.reservation.adapter.out.persistence.R2dbcPolicyLease;
import com.reservas.reservation.application.port.out.AuditTrail;
import com.reservas.reservation.application.port.out.ExternalCallLog;
import com.reservas.reservation.application.port.out.Inbox;
import com.reservas.reservation.application.port.out.ReservationEventOutbox;
import com.reservas.reservation.application.port.out.ReservationRepository;
import com.reservas.reservation.application.port.out.SagaProgress;
import com.reservas.reservation.application.port.out.TransactionRunner;
import com.reservas.reservation.application.service.ApplyOutcomeService;
import com.reservas.reservation.application.service.StuckReservationsService;
import com.reservas.reservation.application.service.TransitionWriter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the outcome use case, the Kafka listener and the stuck-reservation policy. The Kafka
 * plumbing (deserializers, commits, in-place retries, dead-letter topics and their replay at {@code
 * /admin/dead-letters}) is consumer-support's, configured under {@code reservas.consumer.*} in
 * {@code status-projector.yml}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectorProperties.class)
@EnableScheduling
class StatusProjectorConfiguration {

  @Bean
  TransitionWriter transitionWriter(
      ReservationRepository reservations,
      ReservationEventOutbox outbox,
      TransactionRunner transactions,
      SagaProgress sagaProgress) {
    return new TransitionWriter(reservations, outbox, transactions, sagaProgress);
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
      AuditTrail audit) {
    var stuck = properties.stuck();
    return new StuckReservationsService(
        reservations,
        writer,
        clock,
        new StuckReservationsService.Policy(
            stuck.remindAfter(), stuck.expireAfter(), stuck.batchSize()),
        audit);
  }

  /**
   * The stuck-reservation policy runs in one replica at a time: the others wait as hot standbys and
   * take over at most {@code stuck.lease-for} after the holder's last pass. Released by {@link
   * StuckReservationsJob} on shutdown, so a rolling restart hands it over at once.
   */
  @Bean(destroyMethod = "")
  R2dbcPolicyLease stuckPolicyLease(DatabaseClient db, ProjectorProperties properties) {
    String holder =
        ProcessHandle.current().pid()
            + "@"
            + hostName()
            + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    return new R2dbcPolicyLease(db, "stuck-reservations", holder, properties.stuck().leaseFor());
  }

  @Bean
  StuckReservationsJob stuckReservationsJob(
      StuckReservationsService stuck,
      R2dbcPolicyLease stuckPolicyLease,
      ProjectorProperties properties,
      MeterRegistry meters) {
    return new StuckReservationsJob(
        stuck,
        stuckPolicyLease,
        properties.stuck().checkEvery(),
        properties.stuck().leaseFor(),
        meters);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }

  /** The inbox remembers applied outcomes under the consumer group's name. */
  @Bean
  OutcomeListener outcomeListener(
      ApplyOutcomeService applying,
      ConsumerProperties consumer,
      ProjectorProperties properties,
      MeterRegistry meters) {
    return new OutcomeListener(
        applying, consumer.groupId(), properties.outcomesPerTransaction(), meters);
  }

  @Bean
  StuckReservationsController stuckReservationsController(StuckReservationsService stuck) {
    return new StuckReservationsController(stuck);
  }
}
