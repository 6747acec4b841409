package com.reservas.stripe.standin;

import com.reservas.standin.kit.fault.FaultInjector;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stand-in's own control endpoints under {@code /__admin} (not part of Stripe's API, no API key
 * needed): fault settings, statistics, reset, the clock and health, so that demos and tests running
 * in another process can steer it over HTTP.
 */
final class AdminHttpHandler {

  private static final Logger log = LoggerFactory.getLogger(AdminHttpHandler.class);

  static final String PREFIX = "/__admin";

  private static final Set<String> FAULT_FIELDS =
      Set.of("latencyMillis", "failureRate", "failureMode", "maxFailures");

  private final JsonMapper json;
  private final FaultInjector<FailureMode, FaultSettings> faults;
  private final Supplier<StandInStats> stats;
  private final Runnable reset;
  private final Consumer<Duration> advanceClock;

  /** An admin answer: status and JSON body (null for none). */
  private record AdminResponse(int status, String body, String allow) {

    static AdminResponse ok(String body) {
      return new AdminResponse(200, body, null);
    }

    static AdminResponse noContent() {
      return new AdminResponse(204, null, null);
    }
  }

  AdminHttpHandler(
      JsonMapper json,
      FaultInjector<FailureMode, FaultSettings> faults,
      Supplier<StandInStats> stats,
      Runnable reset,
      Consumer<Duration> advanceClock) {
    this.json = json;
    this.faults = faults;
    this.stats = stats;
    this.reset = reset;
    this.advanceClock = advanceClock;
  }

  Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
    String uri = request.uri();
    int queryStart = uri.indexOf('?');
    String path = queryStart < 0 ? uri : uri.substring(0, queryStart);
    String method = request.method().name();
    return request
        .receive()
        .aggregate()
        .asString(StandardCharsets.UTF_8)
        .defaultIfEmpty("")
        .flatMap(body -> write(response, dispatch(method, path, body)));
  }

  private AdminResponse dispatch(String method, String path, String body) {
    switch (path) {
      case PREFIX + "/faults":
        return switch (method) {
          case "GET" ->
              AdminResponse.ok(faultsJson(faults.current(FaultSettings::withFailuresLeft)));
          case "PUT" -> putFaults(body);
          case "DELETE" -> {
            faults.clear();
            log.info("Stripe stand-in faults cleared");
            yield AdminResponse.noContent();
          }
          default -> notAllowed("GET, PUT, DELETE");
        };
      case PREFIX + "/stats":
        return "GET".equals(method) ? AdminResponse.ok(statsJson(stats.get())) : notAllowed("GET");
      case PREFIX + "/reset":
        if (!"POST".equals(method)) {
          return notAllowed("POST");
        }
        reset.run();
        log.info("Stripe stand-in reset");
        return AdminResponse.noContent();
      case PREFIX + "/clock":
        return "POST".equals(method) ? advanceClock(body) : notAllowed("POST");
      case PREFIX + "/health":
        return "GET".equals(method) ? AdminResponse.ok("{\"status\":\"UP\"}") : notAllowed("GET");
      default:
        return problem(404, "No admin endpoint " + path);
    }
  }

  private AdminResponse putFaults(String body) {
    FaultSettings settings;
    try {
      settings = parseFaults(body);
    } catch (JacksonException e) {
      return problem(400, "Malformed JSON: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      return problem(400, e.getMessage());
    }
    faults.set(settings);
    log.info("Stripe stand-in faults set: {}", settings);
    return AdminResponse.ok(faultsJson(faults.current(FaultSettings::withFailuresLeft)));
  }

  /** {@code {"advanceSeconds": 90000}}: lets time pass, e.g. beyond the idempotency window. */
  private AdminResponse advanceClock(String body) {
    long seconds;
    try {
      JsonNode node = json.readTree(body.isBlank() ? "{}" : body);
      seconds = integral(node, "advanceSeconds", -1L);
    } catch (JacksonException e) {
      return problem(400, "Malformed JSON: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      return problem(400, e.getMessage());
    }
    if (seconds < 0) {
      return problem(400, "advanceSeconds (a whole number >= 0) is required");
    }
    advanceClock.accept(Duration.ofSeconds(seconds));
    return AdminResponse.noContent();
  }

  private FaultSettings parseFaults(String body) {
    JsonNode node = json.readTree(body.isBlank() ? "{}" : body);
    if (!node.isObject()) {
      throw new IllegalArgumentException("Expected a JSON object with " + FAULT_FIELDS);
    }
    for (String field : node.propertyNames()) {
      if (!FAULT_FIELDS.contains(field)) {
        throw new IllegalArgumentException(
            "Unknown field '" + field + "'; expected some of " + new TreeMap<>(fieldsHelp()));
      }
    }
    long latency = integral(node, "latencyMillis", 0L);
    double rate = 0.0;
    JsonNode rateNode = node.get("failureRate");
    if (rateNode != null && !rateNode.isNull()) {
      if (!rateNode.isNumber()) {
        throw new IllegalArgumentException("failureRate must be a number between 0 and 1");
      }
      rate = rateNode.doubleValue();
    }
    FailureMode mode = FailureMode.HTTP_500;
    JsonNode modeNode = node.get("failureMode");
    if (modeNode != null && !modeNode.isNull()) {
      try {
        mode = FailureMode.valueOf(modeNode.asString().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "failureMode must be one of HTTP_500, HTTP_429, TIMEOUT, CONNECTION_RESET", e);
      }
    }
    JsonNode maxNode = node.get("maxFailures");
    Integer maxFailures =
        maxNode == null || maxNode.isNull() ? null : (int) integral(node, "maxFailures", 0L);
    return new FaultSettings(latency, rate, mode, maxFailures);
  }

  private static long integral(JsonNode node, String field, long absent) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return absent;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new IllegalArgumentException(field + " must be a whole number");
    }
    return value.longValue();
  }

  private static Map<String, String> fieldsHelp() {
    return Map.of(
        "latencyMillis", "0..600000",
        "failureRate", "0..1",
        "failureMode", "HTTP_500|HTTP_429|TIMEOUT|CONNECTION_RESET",
        "maxFailures", "null or >= 1");
  }

  private String faultsJson(FaultSettings settings) {
    ObjectNode node = json.createObjectNode();
    node.put("latencyMillis", settings.latencyMillis());
    node.put("failureRate", settings.failureRate());
    node.put("failureMode", settings.failureMode().name());
    node.put("maxFailures", settings.maxFailures());
    return json.writeValueAsString(node);
  }

  private String statsJson(StandInStats snapshot) {
    ObjectNode node = json.createObjectNode();
    node.put("requests", snapshot.requests());
    ReservationCharges totals = snapshot.totals();
    node.put("paymentIntentsCreated", totals.paymentIntents());
    node.put("authorizations", totals.authorizations());
    node.put("declines", totals.declines());
    node.put("captures", totals.captures());
    node.put("capturedAmount", totals.capturedAmount());
    node.put("voids", totals.voids());
    node.put("refunds", totals.refunds());
    node.put("refundedAmount", totals.refundedAmount());
    node.put("faultsInjected", snapshot.faultsInjected());
    node.put("idempotentReplays", snapshot.idempotentReplays());
    ObjectNode reservations = node.putObject("reservations");
    new TreeMap<>(snapshot.byReservation())
        .forEach((code, charges) -> reservations.set(code, chargesJson(charges)));
    return json.writeValueAsString(node);
  }

  private ObjectNode chargesJson(ReservationCharges charges) {
    ObjectNode node = json.createObjectNode();
    node.put("paymentIntents", charges.paymentIntents());
    node.put("authorizations", charges.authorizations());
    node.put("declines", charges.declines());
    node.put("captures", charges.captures());
    node.put("capturedAmount", charges.capturedAmount());
    node.put("voids", charges.voids());
    node.put("refunds", charges.refunds());
    node.put("refundedAmount", charges.refundedAmount());
    return node;
  }

  private AdminResponse notAllowed(String allow) {
    return new AdminResponse(405, problemBody("Method not allowed; use " + allow), allow);
  }

  private AdminResponse problem(int status, String message) {
    return new AdminResponse(status, problemBody(message), null);
  }

  private String problemBody(String message) {
    ObjectNode node = json.createObjectNode();
    node.put("message", message);
    return json.writeValueAsString(node);
  }

  private static Mono<Void> write(HttpServerResponse response, AdminResponse answer) {
    response.status(answer.status());
    if (answer.allow() != null) {
      response.header(HttpHeaderNames.ALLOW, answer.allow());
    }
    if (answer.body() == null) {
      return response.send().then();
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    return response
        .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
        .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
        .sendByteArray(Mono.just(body))
        .then();
  }
}
