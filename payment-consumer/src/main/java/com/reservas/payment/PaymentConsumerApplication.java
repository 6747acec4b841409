package com.reservas.payment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The payment consumer: reads reservation events, authorizes, captures, voids and refunds with
 * Stripe, publishes the outcomes to {@code payments.events}. See the module README.
 */
@SpringBootApplication
public class PaymentConsumerApplication {

  /** Avro refuses to instantiate generated classes from packages it was not told to trust. */
  static final String AVRO_TRUSTED_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";

  /** Starts the service. */
  public static void main(String[] args) {
    if (System.getProperty(AVRO_TRUSTED_PACKAGES) == null) {
      System.setProperty(AVRO_TRUSTED_PACKAGES, "com.reservas.schemas.avro");
    }
    SpringApplication.run(PaymentConsumerApplication.class, args);
  }
}
