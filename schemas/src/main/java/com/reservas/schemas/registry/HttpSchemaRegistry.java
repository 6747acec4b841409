package com.reservas.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client of the standard Schema Registry REST API (Confluent Schema Registry, Apicurio's ccompat
 * API, Karapace, Redpanda) for deployments, where producers and consumers on many machines must
 * share ids. Confluent's own client is not on Maven Central, hence this small one on the JDK HTTP
 * client. Each subject+schema and each id is fetched once, then served from memory.
 */
public final class HttpSchemaRegistry implements SchemaRegistry {

  private static final Logger log = LoggerFactory.getLogger(HttpSchemaRegistry.class);
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      CONTENT_TYPE + ", application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";
  private static final int MAX_BODY_IN_MESSAGE = 200;

  private final Settings settings;
  private final String baseUrl;
  private final HttpClient httpClient;
  private final JsonMapper json = JsonMapper.builder().build();
  private final ConcurrentMap<SubjectSchema, Integer> idsBySubjectSchema =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  /** A client for the registry described by {@code settings}. */
  public HttpSchemaRegistry(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.baseUrl = withoutTrailingSlash(settings.baseUrl().toString());
    this.httpClient = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
  }

  /**
   * Where this client talks to, for diagnostics; {@link BasicAuth#toString()} hides the password.
   */
  public Settings settings() {
    return settings;
  }

  @Override
  public int register(String subject, Schema schema) {
    int id =
        idsBySubjectSchema.computeIfAbsent(
            new SubjectSchema(subject, schema), key -> registerRemotely(subject, schema));
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema schemaById(int id) {
    return schemasById.computeIfAbsent(id, this::fetchRemotely);
  }

  private int registerRemotely(String subject, Schema schema) {
    String action = "registering a schema under subject '" + subject + "'";
    String body =
        json.writeValueAsString(Map.of("schema", schema.toString(), "schemaType", "AVRO"));
    HttpRequest request =
        requestTo("/subjects/" + pathSegment(subject) + "/versions")
            .header("Content-Type", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    JsonNode answer = send(request, action);
    JsonNode id = answer.path("id");
    if (!id.isInt()) {
      throw new SchemaRegistryException(
          "Schema registry answered without a numeric id while " + action + ": " + answer);
    }
    log.info(
        "Registered {} under subject '{}' with id {}",
        schema.getFullName(),
        subject,
        id.intValue());
    return id.intValue();
  }

  private Schema fetchRemotely(int id) {
    String action = "fetching the schema with id " + id;
    JsonNode answer = send(requestTo("/schemas/ids/" + id).GET().build(), action);
    String schemaType = answer.path("schemaType").asString("AVRO");
    if (!"AVRO".equals(schemaType)) {
      throw new SchemaRegistryException(
          "Schema id " + id + " is a " + schemaType + " schema, not an Avro schema");
    }
    JsonNode schema = answer.path("schema");
    if (!schema.isString()) {
      throw new SchemaRegistryException(
          "Schema registry answered without a schema while " + action + ": " + answer);
    }
    try {
      return new Schema.Parser().parse(schema.stringValue());
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException(
          "Schema registry returned an invalid Avro schema for id " + id + ": " + e.getMessage(),
          e);
    }
  }

  private HttpRequest.Builder requestTo(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(settings.requestTimeout())
            .header("Accept", ACCEPT);
    if (settings.basicAuth() != null) {
      builder.header("Authorization", settings.basicAuth().headerValue());
    }
    return builder;
  }

  private JsonNode send(HttpRequest request, String action) {
    HttpResponse<String> response;
    try {
      response = httpClient.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new SchemaRegistryException(
          "Schema registry at "
              + baseUrl
              + " did not answer in time ("
              + timeoutOf(e)
              + ") while "
              + action,
          e);
    } catch (IOException e) {
      throw new SchemaRegistryException(
          "Cannot reach the schema registry at " + baseUrl + " while " + action + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("Interrupted while " + action, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw errorFrom(response, action);
    }
    try {
      return json.readTree(response.body());
    } catch (JacksonException e) {
      throw new SchemaRegistryException(
          "Schema registry answered "
              + response.statusCode()
              + " with a body that is not JSON"
              + " while "
              + action
              + ": "
              + abbreviate(response.body()),
          e);
    }
  }

  /**
   * Turns an error answer, ideally {@code {"error_code":40403,"message":"..."}}, into an exception.
   */
  private SchemaRegistryException errorFrom(HttpResponse<String> response, String action) {
    String prefix =
        "Schema registry at "
            + baseUrl
            + " answered HTTP "
            + response.statusCode()
            + " while "
            + action;
    JsonNode error = parseOrNull(response.body());
    if (error != null && error.path("error_code").isInt()) {
      int errorCode = error.path("error_code").intValue();
      String message = error.path("message").asString("(no message)");
      return new SchemaRegistryException(
          prefix + ": error " + errorCode + ": " + message, errorCode);
    }
    return new SchemaRegistryException(prefix + ": " + abbreviate(response.body()));
  }

  private JsonNode parseOrNull(String body) {
    try {
      return json.readTree(body);
    } catch (JacksonException e) {
      return null;
    }
  }

  private String timeoutOf(HttpTimeoutException e) {
    return e instanceof HttpConnectTimeoutException
        ? "connect timeout " + settings.connectTimeout()
        : "request timeout " + settings.requestTimeout();
  }

  private static String pathSegment(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String abbreviate(String body) {
    if (body == null || body.isBlank()) {
      return "(empty body)";
    }
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_BODY_IN_MESSAGE
        ? oneLine
        : oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "...";
  }

  private record SubjectSchema(String subject, Schema schema) {}

  /**
   * Where the registry is and how to talk to it.
   *
   * @param baseUrl the registry's root, e.g. {@code http://registry:8081} or Apicurio's {@code
   *     http://apicurio:8080/apis/ccompat/v7}
   * @param basicAuth credentials for HTTP basic authentication, or {@code null} for none
   * @param connectTimeout how long to wait for a TCP connection
   * @param requestTimeout how long to wait for each answer
   */
  public record Settings(
      URI baseUrl, BasicAuth basicAuth, Duration connectTimeout, Duration requestTimeout) {

    /** Default time allowed to open a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Default time allowed for each answer. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Validates the settings. */
    public Settings {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(requestTimeout, "requestTimeout");
      String scheme = baseUrl.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException(
            "Schema registry URL must be http(s), got '" + baseUrl + "'");
      }
    }

    /** Settings for {@code baseUrl} without authentication and with the default timeouts. */
    public static Settings of(URI baseUrl) {
      return new Settings(baseUrl, null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /** The same settings with HTTP basic authentication. */
    public Settings withBasicAuth(String username, String password) {
      return new Settings(
          baseUrl, new BasicAuth(username, password), connectTimeout, requestTimeout);
    }

    /** The same settings with other timeouts. */
    public Settings withTimeouts(Duration connectTimeout, Duration requestTimeout) {
      return new Settings(baseUrl, basicAuth, connectTimeout, requestTimeout);
    }
  }

  /** Credentials for HTTP basic authentication; {@link #toString()} hides the password. */
  public record BasicAuth(String username, String password) {

    /** Validates the credentials. */
    public BasicAuth {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    String headerValue() {
      String credentials = username + ":" + password;
      return "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "BasicAuth[username=" + username + ", password=****]";
    }
  }
}
