package com.reservas.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Every deployable logs through the masking layout by default: the logging system is started the
 * way Spring Boot starts it in the service's jar, from the service's own configuration (no
 * deployment variable, no profile, and the API's prod profile), and what it writes for a line full
 * of personal data and a card number is masked — names with spaces whole.
 */
class MaskedLoggingTest {

  private static final String LINE =
      "booking for firstName=Ana María, lastName=García Núñez, email=ana.garcia@example.com,"
          + " phone=+34 600 111 222, card ４２４２ ４２４２ ４２４２ ４２４２, token pm_card_visa";

  @ParameterizedTest
  @EnumSource(SpringService.class)
  void theServicesOwnLoggingConfigurationMasksPersonalData(SpringService service) {
    assertMasked(service, ServiceConfiguration.of(service).environment(Map.of()));
    if (service == SpringService.RESERVATION_API) {
      assertMasked(
          service,
          ServiceConfiguration.of(service).environment(Map.of("SPRING_PROFILES_ACTIVE", "prod")));
    }
  }

  /** {@code LOGGING_STRUCTURED_FORMAT_CONSOLE}: JSON lines, masked as the text lines are. */
  @ParameterizedTest
  @EnumSource(SpringService.class)
  void jsonLogLinesOfEveryServiceAreMaskedToo(SpringService service) {
    for (String format : List.of("ecs", "logstash")) {
      ConfigurableEnvironment environment =
          ServiceConfiguration.of(service)
              .environment(Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", format));
      String written = logWith(environment, environment.getProperty("logging.config"));
      assertThat(written).as(service.module() + " " + format).startsWith("{\"");
      assertMasked(service, environment);
    }
  }

  private static void assertMasked(SpringService service, ConfigurableEnvironment environment) {
    String config = environment.getProperty("logging.config");
    assertThat(config).as(service.module() + " logging.config").isNotBlank();
    String written = logWith(environment, config);
    assertThat(written)
        .as(service.module() + " with " + config)
        .contains("booking for")
        .contains("firstName=A*** M***", "lastName=G*** N***", "a***@example.com", "[card]")
        .doesNotContain(
            "Ana", "María", "García", "Núñez", "ana.garcia", "600 111", "４２４２", "pm_card_visa")
        .as("the exception's message is masked too")
        .contains("refused for a***@example.com")
        .doesNotContain("ana.garcia@example.com");
  }

  /** Starts Spring Boot's logging system with the service's configuration and logs one line. */
  private static String logWith(ConfigurableEnvironment environment, String config) {
    LoggingSystem system = LoggingSystem.get(MaskedLoggingTest.class.getClassLoader());
    PrintStream console = System.out;
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
    try {
      system.beforeInitialize();
      system.initialize(new LoggingInitializationContext(environment), config, null);
      LoggerFactory.getLogger("com.reservas.deployment.check")
          .warn(LINE, new IllegalStateException("refused for ana.garcia@example.com"));
    } finally {
      system.cleanUp();
      System.setOut(console);
    }
    return written.toString(StandardCharsets.UTF_8);
  }
}
