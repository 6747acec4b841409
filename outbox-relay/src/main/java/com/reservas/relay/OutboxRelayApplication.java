package com.reservas.relay;

import com.reservas.starter.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The outbox relay: reads the outbox table's binlog with Debezium embedded and publishes every
 * outbox row, unchanged, to the Kafka topic named by its aggregate type. Runs on its own, one
 * instance per database (Debezium's binlog reader is a single task).
 */
@SpringBootApplication
public class OutboxRelayApplication {

  /** Its configuration file is {@code outbox-relay.yml}, so services can share one JVM. */
  public static final String CONFIG_NAME = "outbox-relay";

  public static void main(String[] args) {
    application().run(args);
  }

  /** The application as {@code main} runs it; the local platform launcher runs it the same way. */
  public static SpringApplicationBuilder application() {
    return ServiceApplication.builder(OutboxRelayApplication.class, CONFIG_NAME);
  }
}
