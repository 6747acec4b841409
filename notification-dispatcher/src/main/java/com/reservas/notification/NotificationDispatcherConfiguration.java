package com.reservas.notification;

import com.reservas.consumer.support.kafka.ReservationEventsListener;
import com.reservas.consumer.support.loop.ReservationLoop;
import com.reservas.notification.adapter.in.kafka.ReservationChangeReader;
import com.reservas.notification.adapter.in.schedule.DeliveryPoller;
import com.reservas.notification.adapter.out.http.MicrometerDeliveryMetrics;
import com.reservas.notification.adapter.out.http.WebClientWebhookSender;
import com.reservas.notification.application.DeliverySchedule;
import com.reservas.notification.application.DispatchDueDeliveries;
import com.reservas.notification.application.RecordDeliveriesStep;
import com.reservas.notification.application.WebhookNotice;
import com.reservas.notification.domain.ReservationChange;
import com.reservas.notification.domain.RetryPolicy;
import com.reservas.reservation.adapter.out.persistence.R2dbcPolicyLease;
import com.reservas.reservation.application.port.out.WebhookDeliveryStore;
import com.reservas.reservation.application.port.out.WebhookEndpointStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

/** Wiring: consumer-support's loop records deliveries; the poller sends them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatcherProperties.class)
class NotificationDispatcherConfiguration {

  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }

  @Bean
  ReservationLoop<ReservationChange, ReservationChange, WebhookNotice> webhookLoop(
      WebhookEndpointStore endpoints, WebhookDeliveryStore deliveries, Clock clock) {
    return new ReservationLoop<>(
        new RecordDeliveriesStep(endpoints), new DeliverySchedule(deliveries, clock));
  }

  @Bean
  ReservationEventsListener<ReservationChange> reservationEventsListener(
      ReservationLoop<ReservationChange, ReservationChange, WebhookNotice> loop) {
    return new ReservationEventsListener<>(new ReservationChangeReader(), loop);
  }

  @Bean
  WebClientWebhookSender webhookSender(
      WebClient.Builder builder, DispatcherProperties properties, Environment environment) {
    return new WebClientWebhookSender(
        builder, properties.timeout(), environment.matchesProfiles("local"));
  }

  @Bean
  DispatchDueDeliveries dispatchDueDeliveries(
      WebhookDeliveryStore deliveries,
      WebhookEndpointStore endpoints,
      WebClientWebhookSender sender,
      MeterRegistry registry,
      DispatcherProperties properties,
      Clock clock) {
    DispatcherProperties.Retry retry = properties.retry();
    return new DispatchDueDeliveries(
        deliveries,
        endpoints,
        sender,
        new MicrometerDeliveryMetrics(registry),
        new RetryPolicy(
            retry.initialDelay(),
            retry.multiplier(),
            retry.maxDelay(),
            retry.jitter(),
            retry.giveUpAfter()),
        clock,
        properties.batchSize(),
        properties.concurrency());
  }

  @Bean
  DeliveryPoller deliveryPoller(
      DispatchDueDeliveries dispatch,
      DatabaseClient db,
      WebhookDeliveryStore deliveries,
      MeterRegistry registry,
      DispatcherProperties properties) {
    return new DeliveryPoller(
        dispatch,
        new R2dbcPolicyLease(db, "webhook-dispatch", holder(), properties.leaseFor()),
        deliveries,
        registry,
        properties.pollInterval());
  }

  private static String holder() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
