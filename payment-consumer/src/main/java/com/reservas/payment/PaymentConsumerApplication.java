package com.reservas.payment;

import com.reservas.starter.ServiceApplication;
import com.reservas.starter.seal.TokenSealConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * The payment consumer: reads reservation events, authorizes, captures, voids and refunds with
 * Stripe, publishes the outcomes to {@code payments.events}. See the module README.
 */
@SpringBootApplication
@Import(TokenSealConfiguration.class)
public class PaymentConsumerApplication {

  /** Its configuration file is {@code payment-consumer.yml}, so services can share one JVM. */
  public static final String CONFIG_NAME = "payment-consumer";

  /** Starts the service. */
  public static void main(String[] args) {
    application().run(args);
  }

  /** The application as {@code main} runs it; the local platform launcher runs it the same way. */
  public static SpringApplicationBuilder application() {
    return ServiceApplication.builder(PaymentConsumerApplication.class, CONFIG_NAME);
  }
}
