package com.reservas.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker (the {@code kafka_2.13} server of Spring Boot's Kafka version) in KRaft
 * combined mode — broker and controller, node id 1 — started inside this JVM, so that the
 * one-machine run has Kafka on fixed localhost ports without Docker or a second JVM. The storage is
 * formatted on the first start only; later starts on the same data directory resume the same
 * cluster (same cluster id, topics, records and committed offsets).
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

  /** Kafka's node id for the single combined broker/controller. */
  public static final int NODE_ID = 1;

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);
  private static final String HOST = "127.0.0.1";
  private static final String META_PROPERTIES = "meta.properties";
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final String LOCK_FILE = ".reservas-embedded-kafka.lock";

  private final KafkaRaftServer server;
  private final Path dataDir;
  private final boolean temporaryDataDir;
  private final FileChannel dataDirLock;
  private final int brokerPort;
  private final int controllerPort;
  private final String clusterId;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedKafkaServer(
      KafkaRaftServer server,
      Path dataDir,
      boolean temporaryDataDir,
      FileChannel dataDirLock,
      int brokerPort,
      int controllerPort,
      String clusterId) {
    this.server = server;
    this.dataDir = dataDir;
    this.temporaryDataDir = temporaryDataDir;
    this.dataDirLock = dataDirLock;
    this.brokerPort = brokerPort;
    this.controllerPort = controllerPort;
    this.clusterId = clusterId;
  }

  /**
   * How to start the broker.
   *
   * @param brokerPort the client port ({@code PLAINTEXT}), 0 for a free one
   * @param controllerPort the KRaft controller port, 0 for a free one
   * @param dataDir where the logs and metadata live, kept between runs; {@code null} for a
   *     temporary directory deleted on {@link #close()}
   * @param partitions {@code num.partitions}: the default partition count of new topics
   * @param brokerPortSetting the setting (e.g. environment variable) that changes the broker port,
   *     named in the error when the port is in use
   * @param controllerPortSetting likewise for the controller port
   * @param advertisedPort the port clients are sent to, when not the broker port (0)
   */
  public record Settings(
      int brokerPort,
      int controllerPort,
      Path dataDir,
      int partitions,
      String brokerPortSetting,
      String controllerPortSetting,
      int advertisedPort) {

    public static final int DEFAULT_BROKER_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_PARTITIONS = 6;

    public Settings {
      checkPort(brokerPort, "broker");
      checkPort(controllerPort, "controller");
      checkPort(advertisedPort, "advertised");
      if (brokerPort != 0 && brokerPort == controllerPort) {
        throw new IllegalArgumentException(
            "The broker and the controller need different ports, both are " + brokerPort);
      }
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
      }
      Objects.requireNonNull(brokerPortSetting, "brokerPortSetting");
      Objects.requireNonNull(controllerPortSetting, "controllerPortSetting");
    }

    /**
     * Ports 9092 and 9093, a temporary data directory, 6 partitions, and the settings named {@code
     * RESERVAS_KAFKA_PORT} and {@code RESERVAS_KAFKA_CONTROLLER_PORT}.
     */
    public static Settings defaults() {
      return new Settings(
          DEFAULT_BROKER_PORT,
          DEFAULT_CONTROLLER_PORT,
          null,
          DEFAULT_PARTITIONS,
          "RESERVAS_KAFKA_PORT",
          "RESERVAS_KAFKA_CONTROLLER_PORT",
          0);
    }

    public Settings withBrokerPort(int port) {
      return new Settings(
          port,
          controllerPort,
          dataDir,
          partitions,
          brokerPortSetting,
          controllerPortSetting,
          advertisedPort);
    }

    public Settings withControllerPort(int port) {
      return new Settings(
          brokerPort,
          port,
          dataDir,
          partitions,
          brokerPortSetting,
          controllerPortSetting,
          advertisedPort);
    }

    public Settings withDataDir(Path dir) {
      return new Settings(
          brokerPort,
          controllerPort,
          dir,
          partitions,
          brokerPortSetting,
          controllerPortSetting,
          advertisedPort);
    }

    public Settings withPartitions(int count) {
      return new Settings(
          brokerPort,
          controllerPort,
          dataDir,
          count,
          brokerPortSetting,
          controllerPortSetting,
          advertisedPort);
    }

    /** Names the settings that change the broker and the controller port, for error messages. */
    public Settings withPortSettingNames(String brokerPortName, String controllerPortName) {
      return new Settings(
          brokerPort,
          controllerPort,
          dataDir,
          partitions,
          brokerPortName,
          controllerPortName,
          advertisedPort);
    }

    /**
     * The port clients are told to connect to, when it is not the broker's own: a {@link
     * FaultyLink} in front of the broker (0, the default: the broker port).
     */
    public Settings withAdvertisedPort(int port) {
      return new Settings(
          brokerPort,
          controllerPort,
          dataDir,
          partitions,
          brokerPortSetting,
          controllerPortSetting,
          port);
    }

    private static void checkPort(int port, String which) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("Not a " + which + " port: " + port);
      }
    }
  }

  /** A port that the broker needs is taken by another process. */
  public static final class PortInUseException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final int port;
    private final String settingName;

    PortInUseException(int port, String role, String settingName) {
      super(
          "Port "
              + port
              + " is in use ("
              + role
              + "). Set "
              + settingName
              + " to use another port.");
      this.port = port;
      this.settingName = settingName;
    }

    public int port() {
      return port;
    }

    public String settingName() {
      return settingName;
    }
  }

  /**
   * Formats the data directory if it is new, then starts the broker and controller. Returns once
   * the server threads are up; {@link #awaitReady(Duration)} waits until clients are served.
   *
   * @throws PortInUseException if a fixed port is taken
   * @throws IllegalStateException if another server uses the data directory, or Kafka does not
   *     start
   */
  public static EmbeddedKafkaServer start(Settings settings) {
    int[] ports = choosePorts(settings);
    int brokerPort = ports[0];
    int controllerPort = ports[1];
    boolean temporary = settings.dataDir() == null;
    Path dataDir;
    try {
      dataDir =
          temporary
              ? Files.createTempDirectory("reservas-kafka-")
              : Files.createDirectories(settings.dataDir().toAbsolutePath().normalize());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the Kafka data directory", e);
    }
    FileChannel lock = lockDataDir(dataDir);
    try {
      String clusterId = formatIfNew(dataDir);
      KafkaConfig config =
          new KafkaConfig(serverProperties(brokerPort, controllerPort, dataDir, settings), false);
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      try {
        server.startup();
      } catch (RuntimeException e) {
        shutDown(server);
        throw e;
      }
      log.info(
          "Kafka started on {}:{} (controller {}, cluster {}, data in {})",
          HOST,
          brokerPort,
          controllerPort,
          clusterId,
          temporary ? "a temporary directory" : dataDir);
      return new EmbeddedKafkaServer(
          server, dataDir, temporary, lock, brokerPort, controllerPort, clusterId);
    } catch (RuntimeException e) {
      closeQuietly(lock);
      if (temporary) {
        deleteQuietly(dataDir);
      }
      throw new IllegalStateException("Kafka did not start: " + e.getMessage(), e);
    }
  }

  /** {@code 127.0.0.1:<broker port>}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return HOST + ":" + brokerPort;
  }

  public int brokerPort() {
    return brokerPort;
  }

  public int controllerPort() {
    return controllerPort;
  }

  /** The cluster id written when the data directory was formatted; the same on every run. */
  public String clusterId() {
    return clusterId;
  }

  public Path dataDir() {
    return dataDir;
  }

  /**
   * Waits until the broker answers clients (an Admin client's {@code describeCluster} lists it).
   *
   * @throws IllegalStateException if it does not within {@code timeout}
   */
  public void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
            AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50);
    Exception last = null;
    try (Admin admin = Admin.create(config)) {
      while (System.nanoTime() < deadline) {
        long leftMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        try {
          Collection<Node> nodes =
              admin
                  .describeCluster()
                  .nodes()
                  .get(Math.min(leftMillis, 5_000), TimeUnit.MILLISECONDS);
          if (!nodes.isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          last = e;
        }
        Thread.sleep(Math.min(100, leftMillis));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Kafka", e);
    }
    throw new IllegalStateException(
        "Kafka at " + bootstrapServers() + " was not ready within " + timeout, last);
  }

  /**
   * Shuts the broker and controller down and waits for them (logs flushed, clean-shutdown marker
   * written), so the next start on the same data directory resumes without recovery. Deletes a
   * temporary data directory. Calling it again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    shutDown(server);
    closeQuietly(dataDirLock);
    if (temporaryDataDir) {
      deleteQuietly(dataDir);
    }
    log.info("Kafka on {} stopped", bootstrapServers());
  }

  private static void shutDown(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      log.warn("Kafka did not stop cleanly: {}", e.toString());
    }
  }

  /**
   * Formats {@code dataDir} when it holds no {@code meta.properties} (first start) with a new
   * cluster id, as {@code kafka-storage format} does; otherwise returns the stored cluster id.
   */
  private static String formatIfNew(Path dataDir) {
    Path metaProperties = dataDir.resolve(META_PROPERTIES);
    if (Files.exists(metaProperties)) {
      Properties meta = new Properties();
      try (InputStream in = Files.newInputStream(metaProperties)) {
        meta.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read " + metaProperties, e);
      }
      String stored = meta.getProperty("cluster.id");
      if (stored == null || stored.isBlank()) {
        throw new IllegalStateException(metaProperties + " has no cluster.id");
      }
      return stored;
    }
    String clusterId = Uuid.randomUuid().toString();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      new Formatter()
          .setPrintStream(printStream)
          .setNodeId(NODE_ID)
          .setClusterId(clusterId)
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setMetadataLogDirectory(dataDir.toString())
          .addDirectory(dataDir.toString())
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("Could not format " + dataDir + ": " + e.getMessage(), e);
    }
    log.info(
        "Formatted Kafka storage in {} (cluster id {}): {}",
        dataDir,
        clusterId,
        output.toString(StandardCharsets.UTF_8).strip());
    return clusterId;
  }

  private static Properties serverProperties(
      int brokerPort, int controllerPort, Path dataDir, Settings settings) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://"
            + HOST
            + ":"
            + brokerPort
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + HOST
            + ":"
            + controllerPort);
    int advertised = settings.advertisedPort() == 0 ? brokerPort : settings.advertisedPort();
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + advertised);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("log.dirs", dataDir.toString());

    // One node: every internal topic with one replica.
    p.put("num.partitions", String.valueOf(settings.partitions()));
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "10");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "10");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("auto.create.topics.enable", "false");
    p.put("group.initial.rebalance.delay.ms", "0");

    // Sized for a developer machine (2 cores): small buffers, segments and thread pools.
    p.put("log.cleaner.dedupe.buffer.size", "8388608");
    p.put("log.segment.bytes", "16777216");
    p.put("log.index.size.max.bytes", "1048576");
    p.put("metadata.log.segment.bytes", "8388608");
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "4");
    p.put("background.threads", "4");
    p.put("num.recovery.threads.per.data.dir", "1");
    return p;
  }

  /**
   * Checks that fixed ports are free and picks free ones for port 0 (the listeners and the quorum
   * need the actual ports written down). Both sockets are held together so they differ.
   */
  private static int[] choosePorts(Settings settings) {
    try (ServerSocket broker =
            bind(settings.brokerPort(), "Kafka broker", settings.brokerPortSetting());
        ServerSocket controller =
            bind(settings.controllerPort(), "Kafka controller", settings.controllerPortSetting())) {
      return new int[] {broker.getLocalPort(), controller.getLocalPort()};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ServerSocket bind(int port, String role, String settingName) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
      return socket;
    } catch (IOException e) {
      socket.close();
      if (port == 0) {
        throw new UncheckedIOException("No free port for the " + role, e);
      }
      throw new PortInUseException(port, role, settingName);
    }
  }

  /**
   * Kafka locks its log directory only once the broker starts, after the controller has opened the
   * metadata log: a second server on the same directory would corrupt it and then halt the JVM.
   * This lock, held until {@link #close()}, refuses the second server before it touches anything.
   */
  private static FileChannel lockDataDir(Path dataDir) {
    Path lockFile = dataDir.resolve(LOCK_FILE);
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not open " + lockFile, e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (IOException | OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new IllegalStateException(
          "The Kafka data directory "
              + dataDir
              + " is in use by another Kafka server. Stop it or use another data directory.");
    }
    return channel;
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      log.warn("Could not release the Kafka data directory lock: {}", e.toString());
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      Utils.delete(dir.toFile());
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", dir, e.toString());
    }
  }
}
