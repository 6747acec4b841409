package com.reservas.platform;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where the local platform listens and keeps its data. Each value comes from an environment
 * variable, so a busy port or another data directory is one variable away.
 */
record LocalSettings(
    Path dataDir,
    int databasePort,
    int kafkaPort,
    int kafkaControllerPort,
    int apiPort,
    int stripePort,
    int supplierPort,
    int relayPort,
    int paymentPort,
    int providerPort,
    int projectorPort,
    int dispatcherPort,
    int schemaRegistryPort,
    int supplierFleetSize,
    int kafkaAdvertisedPort,
    List<String> profiles,
    boolean zipkin,
    int zipkinPort,
    String zipkinJar) {

  static final String DATA_DIR = "RESERVAS_DATA_DIR";
  static final String DB_PORT = "RESERVAS_DB_PORT";
  static final String KAFKA_PORT = "RESERVAS_KAFKA_PORT";
  static final String KAFKA_CONTROLLER_PORT = "RESERVAS_KAFKA_CONTROLLER_PORT";
  static final String API_PORT = "RESERVAS_API_PORT";
  static final String STRIPE_PORT = "RESERVAS_STRIPE_PORT";
  static final String SUPPLIER_PORT = "RESERVAS_SUPPLIER_PORT";
  static final String RELAY_PORT = "RESERVAS_RELAY_PORT";
  static final String PAYMENT_PORT = "RESERVAS_PAYMENT_PORT";
  static final String PROVIDER_PORT = "RESERVAS_PROVIDER_PORT";
  static final String PROJECTOR_PORT = "RESERVAS_PROJECTOR_PORT";
  static final String DISPATCHER_PORT = "RESERVAS_DISPATCHER_PORT";
  static final String SCHEMA_REGISTRY_PORT = "RESERVAS_SCHEMA_REGISTRY_PORT";
  static final String ZIPKIN_PORT = "RESERVAS_ZIPKIN_PORT";

  /** {@code off}: no Zipkin server, no spans exported. */
  static final String ZIPKIN = "RESERVAS_ZIPKIN";

  /** Another Zipkin server jar than the one the build copied. */
  static final String ZIPKIN_JAR = "RESERVAS_ZIPKIN_JAR";

  /** Every port setting, one per listening server. */
  static final List<String> PORT_VARIABLES =
      List.of(
          DB_PORT,
          KAFKA_PORT,
          KAFKA_CONTROLLER_PORT,
          API_PORT,
          STRIPE_PORT,
          SUPPLIER_PORT,
          RELAY_PORT,
          PAYMENT_PORT,
          PROVIDER_PORT,
          PROJECTOR_PORT,
          DISPATCHER_PORT,
          SCHEMA_REGISTRY_PORT,
          ZIPKIN_PORT);

  static final String SUPPLIER_FLEET_SIZE = "RESERVAS_SUPPLIER_FLEET_SIZE";
  static final String PROFILES = "RESERVAS_PROFILES";

  /**
   * The port the broker tells clients to use, when a link of the fault-injection suite stands in
   * front of it (chaos/README.md); unset, the broker port.
   */
  static final String KAFKA_ADVERTISED_PORT = "RESERVAS_KAFKA_ADVERTISED_PORT";

  static LocalSettings from(Map<String, String> env) {
    return new LocalSettings(
        Path.of(env.getOrDefault(DATA_DIR, ".data")).toAbsolutePath().normalize(),
        port(env, DB_PORT, 3306),
        port(env, KAFKA_PORT, 9092),
        port(env, KAFKA_CONTROLLER_PORT, 9093),
        port(env, API_PORT, 8080),
        port(env, STRIPE_PORT, 12111),
        port(env, SUPPLIER_PORT, 8091),
        port(env, RELAY_PORT, 8085),
        port(env, PAYMENT_PORT, 8086),
        port(env, PROVIDER_PORT, 8087),
        port(env, PROJECTOR_PORT, 8088),
        port(env, DISPATCHER_PORT, 8089),
        port(env, SCHEMA_REGISTRY_PORT, 8081),
        number(env, SUPPLIER_FLEET_SIZE, 50),
        env.containsKey(KAFKA_ADVERTISED_PORT)
            ? port(env, KAFKA_ADVERTISED_PORT, 0)
            : port(env, KAFKA_PORT, 9092),
        Arrays.stream(env.getOrDefault(PROFILES, "").split(","))
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .toList(),
        !"off".equalsIgnoreCase(env.getOrDefault(ZIPKIN, "on").strip()),
        port(env, ZIPKIN_PORT, 9411),
        env.get(ZIPKIN_JAR));
  }

  /** Where the schema registry endpoint records the schemas registered over HTTP. */
  Path registryJournal() {
    return dataDir.resolve("schema-registry").resolve("registrations.jsonl");
  }

  /** The URL of the schema registry endpoint, as downstream clients use it. */
  String schemaRegistryUrl() {
    return "http://127.0.0.1:" + schemaRegistryPort;
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    int port = number(env, name, fallback);
    if (port < 1 || port > 65535) {
      throw new PlatformStartException(name + " must be a port number, not " + port);
    }
    return port;
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new PlatformStartException(name + " must be a number, not '" + value + "'");
    }
  }
}
