package com.reservas.schemas.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the {@link SchemaRegistry} named by configuration properties, so that Kafka serde
 * configuration (and any application) selects the registry with one URL: nothing or {@code mem://}
 * for the in-memory registry, an {@code http(s)://} URL for a Schema Registry server.
 */
public final class SchemaRegistries {

  /** Registry URL: absent, blank or {@value #IN_MEMORY_URL} for in-memory; else http(s). */
  public static final String URL_CONFIG = "reservas.schema-registry.url";

  /** User name for HTTP basic authentication (optional). */
  public static final String USERNAME_CONFIG = "reservas.schema-registry.username";

  /** Password for HTTP basic authentication (optional, used with the user name). */
  public static final String PASSWORD_CONFIG = "reservas.schema-registry.password";

  /** Connect timeout in milliseconds, or a {@link Duration} (optional). */
  public static final String CONNECT_TIMEOUT_CONFIG = "reservas.schema-registry.connect-timeout-ms";

  /** Timeout of each request in milliseconds, or a {@link Duration} (optional). */
  public static final String REQUEST_TIMEOUT_CONFIG = "reservas.schema-registry.request-timeout-ms";

  /** The URL that selects the in-memory registry. */
  public static final String IN_MEMORY_URL = "mem://";

  private SchemaRegistries() {}

  /**
   * The registry described by {@code props}.
   *
   * @throws IllegalArgumentException if the URL has another scheme or a timeout is not a number
   */
  public static SchemaRegistry fromConfig(Map<String, ?> props) {
    String url = stringOrNull(props.get(URL_CONFIG));
    if (url == null || url.isBlank() || url.strip().equals(IN_MEMORY_URL)) {
      return new InMemorySchemaRegistry();
    }
    String trimmed = url.strip();
    if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
      throw new IllegalArgumentException(
          URL_CONFIG + " must be " + IN_MEMORY_URL + " or an http(s) URL, got '" + trimmed + "'");
    }
    HttpSchemaRegistry.Settings settings =
        HttpSchemaRegistry.Settings.of(URI.create(trimmed))
            .withTimeouts(
                duration(
                    props,
                    CONNECT_TIMEOUT_CONFIG,
                    HttpSchemaRegistry.Settings.DEFAULT_CONNECT_TIMEOUT),
                duration(
                    props,
                    REQUEST_TIMEOUT_CONFIG,
                    HttpSchemaRegistry.Settings.DEFAULT_REQUEST_TIMEOUT));
    String username = stringOrNull(props.get(USERNAME_CONFIG));
    if (username != null && !username.isBlank()) {
      String password = stringOrNull(props.get(PASSWORD_CONFIG));
      settings = settings.withBasicAuth(username, password == null ? "" : password);
    }
    return new HttpSchemaRegistry(settings);
  }

  private static Duration duration(Map<String, ?> props, String key, Duration defaultValue) {
    Object value = props.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Duration duration) {
      return duration;
    }
    if (value instanceof Number millis) {
      return Duration.ofMillis(millis.longValue());
    }
    try {
      return Duration.ofMillis(Long.parseLong(value.toString().strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + " must be a number of milliseconds, got '" + value + "'", e);
    }
  }

  private static String stringOrNull(Object value) {
    return value == null ? null : value.toString();
  }
}
