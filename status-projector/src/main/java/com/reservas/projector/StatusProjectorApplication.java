package com.reservas.projector;

import com.reservas.reservation.adapter.out.metrics.SagaMetricsConfiguration;
import com.reservas.reservation.adapter.out.persistence.ReservationPersistenceConfiguration;
import com.reservas.starter.ServiceApplication;
import com.reservas.starter.seal.TokenSealConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** The status projector: outcomes in, reservation transitions (and their next events) out. */
@SpringBootApplication
@Import({
  ReservationPersistenceConfiguration.class,
  SagaMetricsConfiguration.class,
  TokenSealConfiguration.class,
  StatusProjectorConfiguration.class
})
public class StatusProjectorApplication {

  /** Its configuration file is {@code status-projector.yml}, so services can share one JVM. */
  public static final String CONFIG_NAME = "status-projector";

  public static void main(String[] args) {
    application().run(args);
  }

  /** The application as {@code main} runs it; the local platform launcher runs it the same way. */
  public static SpringApplicationBuilder application() {
    return ServiceApplication.builder(StatusProjectorApplication.class, CONFIG_NAME);
  }
}
