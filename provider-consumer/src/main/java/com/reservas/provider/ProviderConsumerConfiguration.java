package com.reservas.provider;

import com.reservas.consumer.support.kafka.ReservationEventsListener;
import com.reservas.consumer.support.kafka.ReservationLoops;
import com.reservas.consumer.support.loop.ReservationLoop;
import com.reservas.provider.adapter.in.kafka.ReservationSnapshotReader;
import com.reservas.provider.adapter.out.kafka.SupplierOutcomeMapping;
import com.reservas.provider.application.port.out.SupplierGateway;
import com.reservas.provider.application.service.SupplierBookingStep;
import com.reservas.provider.domain.ReservationSnapshot;
import com.reservas.provider.domain.SupplierOutcome;
import com.reservas.provider.domain.SupplierTask;
import com.reservas.provider.domain.SupplierTaskPolicy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the supplier step into consumer-support's loop: Kafka in, the supplier ({@code
 * adapter.out.supplier.SupplierGatewayConfiguration}) and {@code suppliers.events} out.
 */
@Configuration(proxyBeanMethods = false)
public class ProviderConsumerConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ReservationLoop<ReservationSnapshot, SupplierTask, SupplierOutcome> supplierLoop(
      ReservationLoops loops, SupplierGateway supplier) {
    return loops.of(
        new SupplierBookingStep(new SupplierTaskPolicy(), supplier),
        new SupplierOutcomeMapping(),
        "reservas.supplier.outcomes");
  }

  @Bean
  ReservationEventsListener<ReservationSnapshot> reservationEventsListener(
      ReservationLoop<ReservationSnapshot, SupplierTask, SupplierOutcome> supplierLoop) {
    return new ReservationEventsListener<>(new ReservationSnapshotReader(), supplierLoop);
  }
}
