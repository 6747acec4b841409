package com.reservas.provider;

import com.reservas.starter.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The provider consumer: reads {@code reservations.events}, books and cancels cars with the
 * supplier, publishes the answers to {@code suppliers.events}: consumer-support's loop around the
 * supplier step ({@link ProviderConsumerConfiguration}).
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
}
