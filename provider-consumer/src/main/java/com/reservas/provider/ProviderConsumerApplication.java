package com.reservas.provider;

import com.reservas.provider.application.port.in.HandleReservationEventUseCase;
import com.reservas.provider.application.port.out.SupplierGateway;
import com.reservas.provider.application.port.out.SupplierOutcomePublisher;
import com.reservas.provider.application.service.SupplierBookingService;
import com.reservas.provider.domain.SupplierTaskPolicy;
import com.reservas.starter.ServiceApplication;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The provider consumer: reads {@code reservations.events}, books and cancels cars with the
 * supplier, publishes the answers to {@code suppliers.events}. Wiring only; the adapters configure
 * themselves ({@code adapter.in.kafka}, {@code adapter.out.supplier}, {@code adapter.out.kafka}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProviderConsumerApplication {

  /** Its configuration file is {@code provider-consumer.yml}, so services can share one JVM. */
  public static final String CONFIG_NAME = "provider-consumer";

  public static void main(String[] args) {
    application().run(args);
  }

  /** The application as {@code main} runs it; the local platform launcher runs it the same way. */
  public static SpringApplicationBuilder application() {
    return ServiceApplication.builder(ProviderConsumerApplication.class, CONFIG_NAME);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  HandleReservationEventUseCase handleReservationEvent(
      SupplierGateway supplier, SupplierOutcomePublisher outcomes) {
    return new SupplierBookingService(new SupplierTaskPolicy(), supplier, outcomes);
  }
}
