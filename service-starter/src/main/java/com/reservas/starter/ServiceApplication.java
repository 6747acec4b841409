package com.reservas.starter;

import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * How every Reservas service is built, the same whether its {@code main} runs it or the local
 * platform runs several in one JVM: each reads its own configuration file ({@code
 * spring.config.name}), so services can share a JVM, and Avro trusts the event classes.
 */
public final class ServiceApplication {

  /**
   * Avro 1.12 instantiates generated classes only from trusted packages. The event codec resolves
   * the catalogue's classes without it, but other Avro APIs (a generated {@code
   * newBuilder(existing)} copy) still check: the event package is trusted unless the command line
   * says otherwise.
   */
  static final String AVRO_TRUSTED_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";

  static final String EVENT_PACKAGE = "com.reservas.schemas.avro";

  private ServiceApplication() {}

  /** The application {@code type}, reading {@code <configName>.yml}. */
  public static SpringApplicationBuilder builder(Class<?> type, String configName) {
    if (System.getProperty(AVRO_TRUSTED_PACKAGES) == null) {
      System.setProperty(AVRO_TRUSTED_PACKAGES, EVENT_PACKAGE);
    }
    return new SpringApplicationBuilder(type).properties(Map.of("spring.config.name", configName));
  }
}
