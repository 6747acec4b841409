package com.reservas.local.registry;

import com.reservas.local.registry.SubjectRegistry.Registered;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Confluent Schema Registry REST API over a {@link SubjectRegistry}, so that standard tooling
 * (Confluent's serdes and clients, kafkajs' registry client, Kafka UIs, Connect) and the services'
 * own {@code http://} registry client read the local run's topics. It answers the read API, lookup,
 * registration, compatibility checks and the global config, with Confluent's error bodies ({@code
 * {"error_code": 40401, "message": "..."}}). Deleting and changing the configuration are not
 * offered: the local run keeps one history under one rule.
 */
public final class SchemaRegistryServer implements AutoCloseable {

  /** Confluent's media type; clients also accept plain JSON. */
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SubjectRegistry registry;
  private final HttpServer server;
  private final ExecutorService executor;

  private SchemaRegistryServer(SubjectRegistry registry, HttpServer server) {
    this.registry = registry;
    this.server = server;
    this.executor = Executors.newFixedThreadPool(4, r -> new Thread(r, "schema-registry-http"));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /** Serves {@code registry} on the loopback interface; port 0 picks a free port. */
  public static SchemaRegistryServer start(int port, SubjectRegistry registry) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot listen on port " + port + " for the schema registry", e);
    }
    SchemaRegistryServer registryServer = new SchemaRegistryServer(registry, server);
    server.start();
    return registryServer;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The URL clients use, e.g. {@code http://127.0.0.1:8081}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Object answer;
      int status = 200;
      try {
        answer = route(exchange.getRequestMethod(), segments(exchange), exchange);
      } catch (RegistryError e) {
        status = e.httpStatus();
        answer = error(e.errorCode(), e.getMessage());
      } catch (RuntimeException e) {
        log.error("Schema registry request {} failed", exchange.getRequestURI(), e);
        status = 500;
        answer = error(50001, "Internal error: " + e.getMessage());
      }
      byte[] body = JSON.writeValueAsBytes(answer);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private Object route(String method, List<String> path, HttpExchange exchange) {
    boolean get = method.equals("GET");
    String first = path.isEmpty() ? "" : path.get(0);
    return switch (first) {
      case "" -> {
        allow(get && path.isEmpty());
        yield Map.of();
      }
      case "schemas" -> {
        allow(get);
        yield schemas(path);
      }
      case "subjects" -> subjects(method, path, exchange);
      case "compatibility" -> {
        allow(method.equals("POST"));
        yield compatibility(path, exchange);
      }
      case "config" -> {
        allow(get);
        yield config(path, exchange);
      }
      case "mode" -> {
        allow(get && path.size() == 1);
        yield Map.of("mode", "READWRITE");
      }
      default -> throw RegistryError.notFound();
    };
  }

  /** {@code /schemas/types}, {@code /schemas/ids/{id}[/schema|/subjects|/versions]}. */
  private Object schemas(List<String> path) {
    if (path.equals(List.of("schemas", "types"))) {
      return List.of("AVRO");
    }
    if (path.size() < 3 || path.size() > 4 || !path.get(1).equals("ids")) {
      throw RegistryError.notFound();
    }
    int id = schemaId(path.get(2));
    if (path.size() == 3) {
      return Map.of("schema", registry.schema(id).toString());
    }
    return switch (path.get(3)) {
      case "schema" -> rawSchema(registry.schema(id).toString());
      case "subjects" -> registry.usesOf(id).stream().map(Registered::subject).toList();
      case "versions" ->
          registry.usesOf(id).stream().map(v -> subjectVersion(v.subject(), v.version())).toList();
      default -> throw RegistryError.notFound();
    };
  }

  private Object subjects(String method, List<String> path, HttpExchange exchange) {
    boolean get = method.equals("GET");
    boolean post = method.equals("POST");
    if (path.size() == 1) {
      allow(get);
      return registry.subjects();
    }
    String subject = path.get(1);
    if (path.size() == 2) {
      allow(post);
      return describe(registry.lookup(subject, schemaOf(exchange)));
    }
    if (!path.get(2).equals("versions") || path.size() > 5) {
      throw RegistryError.notFound();
    }
    if (path.size() == 3) {
      allow(get || post);
      return post
          ? Map.of("id", registry.register(subject, schemaOf(exchange)).id())
          : registry.versions(subject).stream().map(Registered::version).toList();
    }
    allow(get);
    Registered version = registry.version(subject, path.get(3));
    if (path.size() == 4) {
      return describe(version);
    }
    if (path.get(4).equals("schema")) {
      return rawSchema(version.schema().toString());
    }
    throw RegistryError.notFound();
  }

  /** {@code /compatibility/subjects/{subject}/versions[/{version}]}. */
  private Object compatibility(List<String> path, HttpExchange exchange) {
    if (path.size() < 4
        || path.size() > 5
        || !path.get(1).equals("subjects")
        || !path.get(3).equals("versions")) {
      throw RegistryError.notFound();
    }
    List<String> problems =
        registry.incompatibilities(
            path.get(2),
            path.size() == 5 ? Optional.of(path.get(4)) : Optional.empty(),
            schemaOf(exchange));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("is_compatible", problems.isEmpty());
    if (query(exchange, "verbose").equals("true")) {
      answer.put("messages", problems);
    }
    return answer;
  }

  /** {@code /config} and {@code /config/{subject}}: one fixed rule for everything. */
  private Object config(List<String> path, HttpExchange exchange) {
    Map<String, String> global = Map.of("compatibilityLevel", SubjectRegistry.COMPATIBILITY);
    if (path.size() == 1) {
      return global;
    }
    if (path.size() == 2) {
      if (query(exchange, "defaultToGlobal").equals("true")) {
        return global;
      }
      throw RegistryError.subjectLevelConfigNotFound(path.get(1));
    }
    throw RegistryError.notFound();
  }

  private static Map<String, Object> error(int errorCode, String message) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("error_code", errorCode);
    answer.put("message", message);
    return answer;
  }

  private static Map<String, Object> subjectVersion(String subject, int version) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("subject", subject);
    answer.put("version", version);
    return answer;
  }

  private static Map<String, Object> describe(Registered version) {
    Map<String, Object> answer = subjectVersion(version.subject(), version.version());
    answer.put("id", version.id());
    answer.put("schema", version.schema().toString());
    return answer;
  }

  /** The schema as a JSON document of its own, not as a string. */
  private static JsonNode rawSchema(String schema) {
    return JSON.readTree(schema);
  }

  /** The {@code schema} of a request body {@code {"schema": "...", "schemaType": "AVRO"}}. */
  private static String schemaOf(HttpExchange exchange) {
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      body = JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JacksonException e) {
      throw RegistryError.badRequest("The request body is not JSON: " + e.getOriginalMessage());
    }
    if (body == null || !body.isObject() || !body.path("schema").isString()) {
      throw RegistryError.invalidSchema("the request body must be {\"schema\": \"<Avro schema>\"}");
    }
    String type = body.path("schemaType").asString("AVRO");
    if (!type.equals("AVRO")) {
      throw RegistryError.invalidSchema("this registry holds AVRO schemas only, not " + type);
    }
    if (body.path("references").isArray() && !body.path("references").isEmpty()) {
      throw RegistryError.invalidSchema("schema references are not supported here");
    }
    return body.path("schema").stringValue();
  }

  private static int schemaId(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw RegistryError.notFound();
    }
  }

  private static void allow(boolean methodAllowed) {
    if (!methodAllowed) {
      throw RegistryError.methodNotAllowed();
    }
  }

  private static List<String> segments(HttpExchange exchange) {
    return Arrays.stream(exchange.getRequestURI().getRawPath().split("/"))
        .filter(segment -> !segment.isEmpty())
        // A path keeps '+' as it is; URLDecoder would read it as a space.
        .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
        .toList();
  }

  private static String query(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return "";
    }
    return Arrays.stream(query.split("&"))
        .map(pair -> pair.split("=", 2))
        .filter(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8).equals(name))
        .map(pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "")
        .findFirst()
        .orElse("");
  }
}
