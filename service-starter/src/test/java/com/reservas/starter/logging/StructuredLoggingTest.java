package com.reservas.starter.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service switched to JSON log lines ({@code logging.structured.format.console}) through its
 * logging configuration ({@code reservas-logback.xml}), started the way Spring Boot starts it: one
 * JSON object per line, personal data and card numbers masked in the message and in the exception,
 * the line's trace and span ids kept whole.
 */
class StructuredLoggingTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";

  @ParameterizedTest
  @ValueSource(strings = {"ecs", "logstash"})
  void jsonLinesAreMaskedAndNameTheirTrace(String format) {
    List<String> lines = logOneLineAs(format);

    assertThat(lines).hasSize(1);
    String line = lines.get(0);
    assertThat(line)
        .contains("booking for", "a***@example.com", "[card]")
        .doesNotContain("ana.garcia", "4242424242424242", "4242 4242 4242 4242", "García");
    JsonNode json = JsonMapper.builder().build().readTree(line);
    assertThat(json.path("traceId").asString()).isEqualTo(TRACE_ID);
    assertThat(json.path("spanId").asString()).isEqualTo(SPAN_ID);
    assertThat(line).as("the exception's message is masked too").contains("refused for a***@");
  }

  /** Starts Spring Boot's logging system with reservas-logback.xml and logs one line in a trace. */
  private static List<String> logOneLineAs(String format) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test",
                Map.of(
                    "spring.application.name",
                    "structured-logging-test",
                    "logging.structured.format.console",
                    format)));
    LoggingSystem system = LoggingSystem.get(StructuredLoggingTest.class.getClassLoader());
    PrintStream console = System.out;
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
    try {
      // A Spring Boot test earlier in this JVM may have left the logging system initialized, and
      // Boot does not initialize an initialized one again: start from clean.
      system.cleanUp();
      system.beforeInitialize();
      system.initialize(
          new LoggingInitializationContext(environment), "classpath:reservas-logback.xml", null);
      MDC.put("traceId", TRACE_ID);
      MDC.put("spanId", SPAN_ID);
      LoggerFactory.getLogger("com.reservas.starter.check")
          .warn(
              "booking for lastName=García Núñez, email=ana.garcia@example.com, card"
                  + " 4242 4242 4242 4242",
              new IllegalStateException("refused for ana.garcia@example.com"));
    } finally {
      MDC.clear();
      system.cleanUp();
      System.setOut(console);
    }
    return written.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }
}
