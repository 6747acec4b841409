package com.reservas.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local platform listens and keeps its data. Each value comes from an environment
 * variable, so a busy port or another data directory is one variable away.
 */
record LocalSettings(Path dataDir, int databasePort, int apiPort) {

  static final String DATA_DIR = "RESERVAS_DATA_DIR";
  static final String DB_PORT = "RESERVAS_DB_PORT";
  static final String API_PORT = "RESERVAS_API_PORT";

  static LocalSettings from(Map<String, String> env) {
    return new LocalSettings(
        Path.of(env.getOrDefault(DATA_DIR, ".data")).toAbsolutePath().normalize(),
        port(env, DB_PORT, 3306),
        port(env, API_PORT, 8080));
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.strip());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
    }
  }
}
