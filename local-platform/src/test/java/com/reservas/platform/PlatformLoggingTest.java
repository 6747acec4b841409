package com.reservas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run's logging ({@code reservas-platform-logback.xml}): the console keeps the services'
 * lines and the infrastructure's warnings, not its INFO output (Kafka's configuration dumps); the
 * platform's log file keeps everything, masked like the console.
 */
class PlatformLoggingTest {

  @Test
  void theInfrastructuresInfoLinesGoOnlyToTheLogFileAndItsWarningsToTheConsoleToo(
      @TempDir Path dataDir) throws Exception {
    Path logFile = LocalPlatform.logFile(dataDir);
    PrintStream console = System.out;
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    // ${LOG_CORRELATION_PATTERN} reads the MDC, which a context of its own must be given.
    context.setMDCAdapter(new LogbackMDCAdapter());
    System.setProperty(LocalPlatform.LOG_FILE_PROPERTY, logFile.toString());
    System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(
          PlatformLoggingTest.class.getResource("/reservas-platform-logback.xml"));
      context
          .getLogger("org.apache.kafka.clients.consumer.ConsumerConfig")
          .info("ConsumerConfig values: bootstrap.servers = [127.0.0.1:9092]");
      context.getLogger("io.debezium.connector.mariadb").warn("Debezium lost the binlog");
      context
          .getLogger("com.reservas.reservation.Check")
          .info("reservation for ana.garcia@example.com confirmed");
    } finally {
      context.stop();
      System.setOut(console);
      System.clearProperty(LocalPlatform.LOG_FILE_PROPERTY);
    }

    String consoleText = written.toString(StandardCharsets.UTF_8);
    assertThat(consoleText)
        .contains("reservation for a***@example.com confirmed", "Debezium lost the binlog")
        .doesNotContain("ConsumerConfig values", "ana.garcia");
    assertThat(Files.readString(logFile))
        .contains(
            "ConsumerConfig values",
            "Debezium lost the binlog",
            "reservation for a***@example.com confirmed")
        .doesNotContain("ana.garcia");
  }
}
