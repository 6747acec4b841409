package com.reservas.reservation.adapter.in.web;

import com.reservas.reservation.adapter.in.web.security.ApiKeyAuthentication;
import com.reservas.reservation.adapter.in.web.security.AuthenticatedClient;
import com.reservas.reservation.application.port.in.CancelReservationUseCase;
import com.reservas.reservation.application.port.in.CancelReservationUseCase.CancelReservationCommand;
import com.reservas.reservation.application.port.in.CancelReservationUseCase.CancellationResult;
import com.reservas.reservation.application.port.in.CreateReservationCommand;
import com.reservas.reservation.application.port.in.CreateReservationResult;
import com.reservas.reservation.application.port.in.CreateReservationUseCase;
import com.reservas.reservation.application.port.in.FieldError;
import com.reservas.reservation.application.port.in.GetReservationUseCase;
import com.reservas.reservation.application.service.CardDataPolicy;
import com.reservas.starter.web.ClientAddresses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * The reservation endpoints of docs/spec.md §4. Thin: it reads the request, calls one use case and
 * maps each result to its status code; rules live in the core.
 */
@RestController
@RequestMapping("/api/v1/reservations")
@PreAuthorize(ApiKeyAuthentication.HAS_API_CLIENT_ROLE)
@Tag(name = "Reservations", description = "Create, read and cancel car reservations")
class ReservationController {

  /** Opaque client tokens: UUIDs, ULIDs, Base64; no markup, quotes or control characters. */
  private static final String IDEMPOTENCY_KEY_FORMAT = "[A-Za-z0-9._:~+/=-]{1,128}";

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile(IDEMPOTENCY_KEY_FORMAT);

  /** W3C trace context; anything else is ignored (a new trace starts), never stored. */
  private static final String TRACEPARENT_FORMAT =
      "[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";

  private static final Pattern TRACEPARENT = Pattern.compile(TRACEPARENT_FORMAT);

  private static final String CODE_DESCRIPTION =
      "The reservation's code, as answered by the create (upper-case).";

  private static final String TRACEPARENT_DESCRIPTION =
      "W3C Trace Context of the caller's trace; carried into the reservation's events. Anything"
          + " not in this format is ignored and a new trace starts.";
  private static final String TRACEPARENT_ANSWER_DESCRIPTION =
      "W3C Trace Context of this request: the reservation's trace (yours, if you sent a"
          + " traceparent) and this request's span. Every event of the reservation continues"
          + " it; where tracing is off, absent.";
  private static final String TRACEPARENT_EXAMPLE =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private final CreateReservationUseCase creating;
  private final GetReservationUseCase reading;
  private final CancelReservationUseCase cancelling;
  private final ReservationRequestReader reader;
  private final ObjectMapper json;
  private final ClientAddresses addresses;

  ReservationController(
      CreateReservationUseCase creating,
      GetReservationUseCase reading,
      CancelReservationUseCase cancelling,
      ObjectMapper json,
      ClientAddresses addresses) {
    this.creating = creating;
    this.reading = reading;
    this.cancelling = cancelling;
    this.json = json;
    this.addresses = addresses;
    this.reader = new ReservationRequestReader(json);
  }

  @Operation(
      operationId = "createReservation",
      summary = "Reserve a car",
      description =
          "Answers 201 as soon as the reservation and its event are committed; payment and"
              + " supplier booking follow asynchronously (read the reservation to follow them)."
              + " Invalid input is answered 422 with every invalid field, and changes nothing.")
  @ApiResponse(
      responseCode = "201",
      description =
          "Reserved. A retry with the same Idempotency-Key and body answers the reservation"
              + " created first.",
      headers = {
        @Header(
            name = "Location",
            description = "The reservation's URL.",
            schema =
                @Schema(
                    type = "string",
                    format = "uri-reference",
                    example = "/api/v1/reservations/K7P2QX9A")),
        @Header(
            name = "traceparent",
            description = TRACEPARENT_ANSWER_DESCRIPTION,
            schema =
                @Schema(
                    type = "string",
                    pattern = "^" + TRACEPARENT_FORMAT + "$",
                    example = "00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01"))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = ReservationView.class)))
  @ApiResponse(responseCode = "400", ref = OpenApiDocumentation.RULE_VIOLATED)
  @ApiResponse(responseCode = "409", ref = OpenApiDocumentation.IDEMPOTENCY_KEY_REUSED)
  @ApiResponse(responseCode = "413", ref = OpenApiDocumentation.CONTENT_TOO_LARGE)
  @ApiResponse(responseCode = "415", ref = OpenApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
  @ApiResponse(responseCode = "422", ref = OpenApiDocumentation.INVALID_INPUT)
  @PostMapping(
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<?>> create(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      schema = @Schema(implementation = ReservationRequestBody.class),
                      examples =
                          @ExampleObject(
                              name = "madrid-visa",
                              ref = OpenApiDocumentation.RESERVATION_REQUEST_EXAMPLE)))
          @RequestBody(required = false)
          String body,
      @Parameter(
              description =
                  "Your unique key for this reservation: a retry with the same key and body"
                      + " answers the first result instead of reserving again; the same key"
                      + " with another body is a 409.",
              schema =
                  @Schema(
                      pattern = "^" + IDEMPOTENCY_KEY_FORMAT + "$",
                      example = "3f1c2a9e-6b1d-4f7a-9a4e-2d6c1b8e7f10"))
          @RequestHeader(name = "Idempotency-Key", required = false)
          String idempotencyKey,
      @Parameter(
              description = TRACEPARENT_DESCRIPTION,
              schema =
                  @Schema(pattern = "^" + TRACEPARENT_FORMAT + "$", example = TRACEPARENT_EXAMPLE))
          @RequestHeader(name = "traceparent", required = false)
          String traceparent,
      @AuthenticationPrincipal AuthenticatedClient client,
      ServerWebExchange exchange) {
    ReservationRequestReader.ReadResult read = reader.read(body);
    List<FieldError> structural = new ArrayList<>(read.errors());
    if (idempotencyKey != null && CardDataPolicy.containsCardNumber(idempotencyKey)) {
      structural.add(new FieldError("Idempotency-Key", "must not contain card data"));
    } else if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      structural.add(
          new FieldError(
              "Idempotency-Key", "must be 1 to 128 of A-Z, a-z, 0-9 and . _ : ~ + / = -"));
    }
    if (structural.stream().anyMatch(e -> e.field().equals("$"))) {
      return Mono.just(Problems.invalidInput(structural, exchange));
    }
    CreateReservationCommand command =
        new CreateReservationCommand(
            client.id(),
            Optional.ofNullable(structural.isEmpty() ? idempotencyKey : null),
            read.request(),
            structural,
            trace(exchange, traceparent),
            addresses.of(exchange));
    return creating
        .create(command)
        .map(
            result -> {
              if (result instanceof CreateReservationResult.Invalid invalid) {
                return Problems.invalidInput(invalid.errors(), exchange);
              }
              if (result instanceof CreateReservationResult.Created created) {
                ReservationView view = ReservationView.of(created.reservation());
                return ResponseEntity.created(URI.create("/api/v1/reservations/" + view.code()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(view);
              }
              if (result instanceof CreateReservationResult.RuleViolated violated) {
                return Problems.response(
                    Problems.problem(
                        HttpStatus.BAD_REQUEST,
                        violated.rule(),
                        "Business rule violated",
                        violated.message()),
                    exchange);
              }
              return Problems.response(
                  Problems.problem(
                      HttpStatus.CONFLICT,
                      "idempotency-key-reused",
                      "Idempotency key reused",
                      "This Idempotency-Key was first used with a different request body"),
                  exchange);
            });
  }

  @Operation(
      operationId = "getReservation",
      summary = "Read a reservation you created",
      description = "Its current status, sub-statuses and history.")
  @ApiResponse(
      responseCode = "200",
      description = "The reservation.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = ReservationView.class)))
  @ApiResponse(responseCode = "404", ref = OpenApiDocumentation.NOT_FOUND)
  @GetMapping(path = "/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<?>> get(
      @Parameter(description = CODE_DESCRIPTION, schema = @Schema(example = "K7P2QX9A"))
          @PathVariable
          String code,
      @AuthenticationPrincipal AuthenticatedClient client,
      ServerWebExchange exchange) {
    return reading
        .find(client.id(), code, addresses.of(exchange))
        .<ResponseEntity<?>>map(r -> ResponseEntity.ok(ReservationView.of(r)))
        .defaultIfEmpty(Problems.notFound(code, exchange));
  }

  @Operation(
      operationId = "cancelReservation",
      summary = "Cancel a reservation",
      description =
          "202 when accepted: the payment is voided or refunded and the supplier booking"
              + " cancelled asynchronously. 409 when already cancelled or past pickup.")
  @ApiResponse(
      responseCode = "202",
      description = "Cancellation accepted; the reservation is CANCELLED.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = ReservationView.class)))
  @ApiResponse(responseCode = "404", ref = OpenApiDocumentation.NOT_FOUND)
  @ApiResponse(responseCode = "409", ref = OpenApiDocumentation.NOT_CANCELLABLE)
  @ApiResponse(responseCode = "413", ref = OpenApiDocumentation.CONTENT_TOO_LARGE)
  @ApiResponse(responseCode = "422", ref = OpenApiDocumentation.INVALID_INPUT)
  @PostMapping(path = "/{code}/cancellation", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<?>> cancel(
      @Parameter(description = CODE_DESCRIPTION, schema = @Schema(example = "K7P2QX9A"))
          @PathVariable
          String code,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = false,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      schema = @Schema(implementation = CancellationBody.Document.class)))
          @RequestBody(required = false)
          String body,
      @Parameter(
              description = TRACEPARENT_DESCRIPTION,
              schema =
                  @Schema(pattern = "^" + TRACEPARENT_FORMAT + "$", example = TRACEPARENT_EXAMPLE))
          @RequestHeader(name = "traceparent", required = false)
          String traceparent,
      @AuthenticationPrincipal AuthenticatedClient client,
      ServerWebExchange exchange) {
    CancellationBody.Parsed parsed = CancellationBody.parse(body, json);
    if (!parsed.errors().isEmpty()) {
      return Mono.just(Problems.invalidInput(parsed.errors(), exchange));
    }
    return cancelling
        .cancel(
            new CancelReservationCommand(
                client.id(),
                code,
                parsed.reason(),
                trace(exchange, traceparent),
                addresses.of(exchange)))
        .map(
            result -> {
              if (result instanceof CancellationResult.Accepted accepted) {
                return ResponseEntity.accepted()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(ReservationView.of(accepted.reservation()));
              }
              if (result instanceof CancellationResult.NotCancellable refused) {
                return Problems.response(
                    Problems.problem(
                        HttpStatus.CONFLICT,
                        "not-cancellable",
                        "Reservation cannot be cancelled",
                        refused.why()),
                    exchange);
              }
              return Problems.notFound(code, exchange);
            });
  }

  /**
   * The trace context the events carry: the request's span (which continues the client's trace), or
   * without tracing the client's own {@code traceparent} if well-formed.
   */
  private static String trace(ServerWebExchange exchange, String traceparent) {
    return TraceContextWebFilter.traceparentOf(exchange)
        .orElse(
            traceparent != null && TRACEPARENT.matcher(traceparent).matches() ? traceparent : null);
  }
}
