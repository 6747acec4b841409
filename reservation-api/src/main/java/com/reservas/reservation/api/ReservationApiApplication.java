package com.reservas.reservation.api;

import com.reservas.reservation.adapter.out.metrics.SagaMetricsConfiguration;
import com.reservas.reservation.adapter.out.persistence.ReservationPersistenceConfiguration;
import com.reservas.reservation.adapter.out.persistence.WebhookPersistenceConfiguration;
import com.reservas.starter.ServiceApplication;
import com.reservas.starter.seal.TokenSealConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** The reservation API service: HTTP in, one database transaction out, nothing external. */
@SpringBootApplication(scanBasePackages = "com.reservas.reservation.adapter.in.web")
@Import({
  ReservationPersistenceConfiguration.class,
  SagaMetricsConfiguration.class,
  WebhookPersistenceConfiguration.class,
  TokenSealConfiguration.class,
  ReservationApiConfiguration.class,
  ApiSecurityConfiguration.class
})
public class ReservationApiApplication {

  /** Its configuration file is {@code reservation-api.yml}, so services can share one JVM. */
  public static final String CONFIG_NAME = "reservation-api";

  public static void main(String[] args) {
    application().run(args);
  }

  /** The application as {@code main} runs it; the local platform launcher runs it the same way. */
  public static SpringApplicationBuilder application() {
    return ServiceApplication.builder(ReservationApiApplication.class, CONFIG_NAME);
  }
}
