package com.reservas.payment;

import com.reservas.starter.seal.TokenSealConfiguration;
import java.util.Map;
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

  /** Avro refuses to instantiate generated classes from packages it was not told to trust. */
  static final String AVRO_TRUSTED_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";

  /** Its configuration file is {@code payment-consumer.yml}, so services can share one JVM. */
  public static final String CONFIG_NAME = "payment-consumer";

  /** Starts the service. */
  public static void main(String[] args) {
    application().run(args);
  }

  /** The application as {@code main} runs it; the local platform launcher runs it the same way. */
  public static SpringApplicationBuilder application() {
    if (System.getProperty(AVRO_TRUSTED_PACKAGES) == null) {
      System.setProperty(AVRO_TRUSTED_PACKAGES, "com.reservas.schemas.avro");
    }
    return new SpringApplicationBuilder(PaymentConsumerApplication.class)
        .properties(Map.of("spring.config.name", CONFIG_NAME));
  }
}
