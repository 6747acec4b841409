package com.reservas.starter;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * How every Reservas service is built, the same whether its {@code main} runs it or the local
 * platform runs several in one JVM: each reads its own configuration file ({@code
 * spring.config.name}), so services can share a JVM, Avro trusts the event classes, and tracing
 * starts from the same defaults.
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

  static final String LOGBACK_METRICS =
      "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback"
          + ".LogbackMetricsAutoConfiguration";

  /**
   * Tracing settings every service starts from (docs/observability.md), below its own configuration
   * file and the environment: every trace sampled, Kafka listeners and templates observed (a span
   * per record received and per record sent, the trace context carried in the {@code traceparent}
   * header), Reactor's context propagation {@code limited} (thread locals restored only where the
   * code asks, {@link com.reservas.starter.tracing.ContextThreadLocals}: restoring them around
   * every operator cost a fifth of the platform's CPU, docs/performance.md), and spans exported to
   * Zipkin only where a Zipkin server is said to exist ({@code
   * MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED=true} and {@code ..._ENDPOINT}; the local platform
   * does). Spring Security's own observations are off: they made five of the six spans of every
   * request (the filter chain before and after, the secured request, the authorization of the
   * exchange and of the method), all children of the request's span, which already says who was
   * refused with its status.
   */
  static final Map<String, Object> TRACING_DEFAULTS =
      Map.of(
          "management.tracing.sampling.probability", "1.0",
          "management.tracing.export.zipkin.enabled", "false",
          "management.observations.enable.spring.security", "false",
          "spring.kafka.listener.observation-enabled", "true",
          "spring.kafka.template.observation-enabled", "true",
          "spring.reactor.context-propagation", "limited");

  /**
   * Metrics settings every service starts from: every meter tagged {@code application} with the
   * service's name, so the dashboards and alerts of {@code deploy/observability/} tell the services
   * apart whatever the scrape configuration labels; and no {@code logback_events} counter, whose
   * binder puts a turbo filter in front of every logging call, disabled debug checks included (one
   * per service in the local platform's shared logging context: 6 % of the platform's CPU under
   * load, docs/performance.md), for a meter no dashboard or alert reads.
   */
  static final Map<String, Object> METRICS_DEFAULTS =
      Map.of(
          "management.metrics.tags.application",
          "${spring.application.name}",
          "spring.autoconfigure.exclude",
          LOGBACK_METRICS);

  private ServiceApplication() {}

  /** The application {@code type}, reading {@code <configName>.yml}. */
  public static SpringApplicationBuilder builder(Class<?> type, String configName) {
    if (System.getProperty(AVRO_TRUSTED_PACKAGES) == null) {
      System.setProperty(AVRO_TRUSTED_PACKAGES, EVENT_PACKAGE);
    }
    Map<String, Object> defaults = new HashMap<>(TRACING_DEFAULTS);
    defaults.putAll(METRICS_DEFAULTS);
    defaults.put("spring.config.name", configName);
    return new SpringApplicationBuilder(type).properties(defaults);
  }
}
