package com.reservas.reservation.api;

import com.reservas.reservation.adapter.out.persistence.ReservationPersistenceConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The reservation API service: HTTP in, one database transaction out, nothing external. */
@SpringBootApplication(scanBasePackages = "com.reservas.reservation.adapter.in.web")
@Import({ReservationPersistenceConfiguration.class, ReservationApiConfiguration.class})
public class ReservationApiApplication {

  public static void main(String[] args) {
    AvroTrust.trustEventPackage();
    SpringApplication.run(ReservationApiApplication.class, args);
  }
}
