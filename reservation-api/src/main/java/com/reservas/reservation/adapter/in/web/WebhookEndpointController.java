package com.reservas.reservation.adapter.in.web;

import com.reservas.reservation.adapter.in.web.security.ApiKeyAuthentication;
import com.reservas.reservation.adapter.in.web.security.AuthenticatedClient;
import com.reservas.reservation.application.port.in.FieldError;
import com.reservas.reservation.application.port.in.WebhookEndpointsUseCase;
import com.reservas.reservation.application.port.in.WebhookEndpointsUseCase.Invalid;
import com.reservas.reservation.application.port.in.WebhookEndpointsUseCase.LimitReached;
import com.reservas.reservation.application.port.in.WebhookEndpointsUseCase.Registered;
import com.reservas.reservation.application.port.in.WebhookEndpointsUseCase.Registration;
import com.reservas.reservation.application.port.out.WebhookDeliveryStore.Attempt;
import com.reservas.reservation.domain.webhook.WebhookEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A client's webhook endpoints (docs/webhooks.md): register (the secret is answered this once),
 * list, delete, follow the deliveries and ask for one again. Scoped to the calling client: another
 * client's endpoint is a 404. Thin: rules live in {@link WebhookEndpointsUseCase}.
 */
@RestController
@RequestMapping("/api/v1/webhook-endpoints")
@PreAuthorize(ApiKeyAuthentication.HAS_API_CLIENT_ROLE)
@Tag(name = "Webhooks", description = "Be called when your reservations change")
class WebhookEndpointController {

  private static final Set<String> FIELDS = Set.of("url", "events");
  private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
  private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final WebhookEndpointsUseCase webhooks;
  private final ObjectMapper json;

  WebhookEndpointController(WebhookEndpointsUseCase webhooks, ObjectMapper json) {
    this.webhooks = webhooks;
    this.json = json;
  }

  /** An endpoint as listed: never its secret. */
  record EndpointView(
      String id, String url, List<String> events, boolean enabled, String createdAt) {
    static EndpointView of(WebhookEndpoint e) {
      return new EndpointView(e.id(), e.url(), e.events(), e.enabled(), e.createdAt().toString());
    }
  }

  /** The answer to a registration: the only time the secret is shown. */
  record RegisteredView(
      String id,
      String url,
      List<String> events,
      boolean enabled,
      String createdAt,
      String secret) {}

  /** The answer to a redelivery request. */
  record RedeliveryView(String eventId, String status) {}

  /** One attempt at a delivery. */
  record AttemptView(
      String eventId,
      String reservationCode,
      int attempt,
      String attemptedAt,
      Integer statusCode,
      String error,
      long durationMs,
      String nextRetryAt) {
    static AttemptView of(Attempt a) {
      return new AttemptView(
          a.eventId(),
          a.reservationCode(),
          a.attempt(),
          a.at().toString(),
          a.statusCode().orElse(null),
          a.error().orElse(null),
          a.durationMillis(),
          a.nextRetryAt().map(Object::toString).orElse(null));
    }
  }

  @Operation(
      operationId = "registerWebhookEndpoint",
      summary = "Register a webhook endpoint",
      description =
          "Body {\"url\": \"https://partner.example/hooks\", \"events\":"
              + " [\"reservation.status_changed\"]}. 201 with the signing secret, shown this once;"
              + " 422 with every invalid field (an https URL that does not reach a private,"
              + " loopback, link-local or metadata address); 409 beyond 10 endpoints.")
  @ApiResponse(
      responseCode = "201",
      description = "Registered; the secret is shown this once.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = RegisteredView.class)))
  @ApiResponse(
      responseCode = "409",
      description = "The client has 10 endpoints already.",
      content =
          @Content(
              mediaType = OpenApiDocumentation.PROBLEM_JSON,
              schema = @Schema(implementation = ProblemDocument.class)))
  @ApiResponse(responseCode = "413", ref = OpenApiDocumentation.CONTENT_TOO_LARGE)
  @ApiResponse(responseCode = "415", ref = OpenApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
  @ApiResponse(responseCode = "422", ref = OpenApiDocumentation.INVALID_INPUT)
  @PostMapping(
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<?>> register(
      @RequestBody(required = false) String body,
      @AuthenticationPrincipal AuthenticatedClient client,
      ServerWebExchange exchange) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode root = JsonObjectBodies.read(json, body, FIELDS, errors);
    if (root == null) {
      return Mono.just(Problems.invalidInput(errors, exchange));
    }
    String url = null;
    JsonNode urlNode = root.get("url");
    if (urlNode == null || urlNode.isNull()) {
      errors.add(new FieldError("url", "is required"));
    } else if (!urlNode.isString()) {
      errors.add(new FieldError("url", "must be a string"));
    } else {
      url = urlNode.asString();
    }
    List<String> events = null;
    JsonNode eventsNode = root.get("events");
    if (eventsNode == null || eventsNode.isNull()) {
      errors.add(new FieldError("events", "is required"));
    } else if (!eventsNode.isArray()) {
      errors.add(new FieldError("events", "must be an array of event types"));
    } else {
      events = new ArrayList<>();
      for (JsonNode event : eventsNode) {
        events.add(event.isString() ? event.asString() : null);
      }
    }
    return webhooks
        .register(client.id(), url, events, errors)
        .map(result -> answer(result, exchange));
  }

  private static ResponseEntity<?> answer(Registration result, ServerWebExchange exchange) {
    if (result instanceof Registered registered) {
      WebhookEndpoint e = registered.endpoint();
      return ResponseEntity.created(URI.create("/api/v1/webhook-endpoints/" + e.id()))
          .header("Cache-Control", "no-store")
          .contentType(MediaType.APPLICATION_JSON)
          .body(
              new RegisteredView(
                  e.id(),
                  e.url(),
                  e.events(),
                  e.enabled(),
                  e.createdAt().toString(),
                  registered.secret()));
    }
    if (result instanceof Invalid invalid) {
      return Problems.invalidInput(invalid.errors(), exchange);
    }
    int limit = ((LimitReached) result).limit();
    return Problems.response(
        Problems.problem(
            HttpStatus.CONFLICT,
            "webhook-endpoint-limit",
            "Too many webhook endpoints",
            "A client has at most " + limit + " webhook endpoints; delete one first"),
        exchange);
  }

  @Operation(
      operationId = "listWebhookEndpoints",
      summary = "List your webhook endpoints",
      description = "Never with their secrets.")
  @ApiResponse(
      responseCode = "200",
      description = "Your endpoints, oldest first.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              array = @ArraySchema(schema = @Schema(implementation = EndpointView.class))))
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<List<EndpointView>> list(@AuthenticationPrincipal AuthenticatedClient client) {
    return webhooks.list(client.id()).map(EndpointView::of).collectList();
  }

  @Operation(
      operationId = "deleteWebhookEndpoint",
      summary = "Delete a webhook endpoint",
      description = "204; 404 if it is not yours.")
  @ApiResponse(responseCode = "204", description = "Deleted, with its deliveries.")
  @ApiResponse(responseCode = "404", ref = OpenApiDocumentation.NOT_FOUND)
  @DeleteMapping("/{id}")
  Mono<ResponseEntity<?>> delete(
      @PathVariable String id,
      @AuthenticationPrincipal AuthenticatedClient client,
      ServerWebExchange exchange) {
    if (!ID.matcher(id).matches()) {
      return Mono.just(notFound(exchange));
    }
    return webhooks
        .delete(client.id(), id)
        .map(deleted -> deleted ? ResponseEntity.noContent().build() : notFound(exchange));
  }

  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "Recent delivery attempts of an endpoint",
      description =
          "Newest first: event id, reservation code, HTTP status or error, duration, attempt"
              + " number and the next retry, if any.")
  @ApiResponse(
      responseCode = "200",
      description = "The 50 most recent attempts.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              array = @ArraySchema(schema = @Schema(implementation = AttemptView.class))))
  @ApiResponse(responseCode = "404", ref = OpenApiDocumentation.NOT_FOUND)
  @GetMapping(path = "/{id}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<?>> deliveries(
      @PathVariable String id,
      @AuthenticationPrincipal AuthenticatedClient client,
      ServerWebExchange exchange) {
    if (!ID.matcher(id).matches()) {
      return Mono.just(notFound(exchange));
    }
    return webhooks
        .deliveries(client.id(), id)
        .<ResponseEntity<?>>map(
            attempts -> ResponseEntity.ok(attempts.stream().map(AttemptView::of).toList()))
        .defaultIfEmpty(notFound(exchange));
  }

  @Operation(
      operationId = "redeliverWebhookEvent",
      summary = "Deliver an event to the endpoint again",
      description = "202: it is sent again shortly, with the same event id.")
  @ApiResponse(
      responseCode = "202",
      description = "Scheduled.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = RedeliveryView.class)))
  @ApiResponse(responseCode = "404", ref = OpenApiDocumentation.NOT_FOUND)
  @PostMapping(
      path = "/{id}/deliveries/{eventId}/redelivery",
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<?>> redeliver(
      @PathVariable String id,
      @PathVariable String eventId,
      @AuthenticationPrincipal AuthenticatedClient client,
      ServerWebExchange exchange) {
    if (!ID.matcher(id).matches() || !EVENT_ID.matcher(eventId).matches()) {
      return Mono.just(notFound(exchange));
    }
    return webhooks
        .redeliver(client.id(), id, eventId)
        .map(
            found ->
                found
                    ? ResponseEntity.accepted()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new RedeliveryView(eventId, "scheduled"))
                    : notFound(exchange));
  }

  private static ResponseEntity<?> notFound(ServerWebExchange exchange) {
    return Problems.response(
        Problems.problem(
            HttpStatus.NOT_FOUND,
            "not-found",
            "Webhook endpoint not found",
            "No webhook endpoint or delivery with that id"),
        exchange);
  }
}
