package com.reservas.reservation.adapter.in.web;

import com.reservas.reservation.adapter.in.web.security.ApiKeyAuthenticationManager;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What springdoc cannot read from the controllers: the title, version and description of the API,
 * the {@code X-Api-Key} security scheme, the error answers operations refer to by name
 * ({@code @ApiResponse(ref = ...)}), each a problem+json with an example, and the answers every
 * {@code /api} operation can give because filters and the error handler stand in front of all of
 * them (401, 429, 500, 503). The served document is exported to {@code docs/openapi.json}; a
 * contract test keeps the two equal.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocumentation {

  /** The security scheme of every {@code /api} operation. */
  static final String API_KEY = "ApiKey";

  static final String PROBLEM_JSON = "application/problem+json";
  private static final String PROBLEMS = "https://reservas.example/problems/";

  /** References to the shared error answers, for {@code @ApiResponse(ref = ...)}. */
  static final String RULE_VIOLATED = "#/components/responses/RuleViolated";

  static final String UNAUTHORIZED = "#/components/responses/Unauthorized";
  static final String NOT_FOUND = "#/components/responses/NotFound";
  static final String IDEMPOTENCY_KEY_REUSED = "#/components/responses/IdempotencyKeyReused";
  static final String NOT_CANCELLABLE = "#/components/responses/NotCancellable";
  static final String CONTENT_TOO_LARGE = "#/components/responses/ContentTooLarge";
  static final String UNSUPPORTED_MEDIA_TYPE = "#/components/responses/UnsupportedMediaType";
  static final String INVALID_INPUT = "#/components/responses/InvalidInput";
  static final String TOO_MANY_REQUESTS = "#/components/responses/TooManyRequests";
  static final String INTERNAL_ERROR = "#/components/responses/InternalError";
  static final String UNAVAILABLE = "#/components/responses/Unavailable";

  /** The example request body, valid against the seeded catalogue. */
  static final String RESERVATION_REQUEST_EXAMPLE = "#/components/examples/ReservationRequest";

  private static final String DESCRIPTION =
      """
      Reserve rental cars for your customers. Create a reservation, then read it to follow it:
      payment (Stripe) and the supplier booking happen asynchronously after the `201`, and the \
      reservation moves `CREATED` → `PAYMENT_IN_PROGRESS` → `PAID` → `SUPPLIER_CONFIRMED`, or \
      ends `CANCELLED`. The same facts are published as events (docs/asyncapi.yaml).

      - **Authentication**: every request carries the client's API key in `X-Api-Key`. A \
      client sees only its own reservations.
      - **Retries**: send an `Idempotency-Key` with a create; a retry with the same key and body \
      returns the first reservation instead of creating another.
      - **Tracing**: send a W3C `traceparent` header to continue your trace; it is carried \
      into the events.
      - **Errors** are RFC 9457 `application/problem+json`; a `422` lists every invalid field \
      in `errors` at once. `429` and `503` say when to retry in `Retry-After`.
      """;

  @Bean
  OpenAPI reservasOpenApi(ObjectProvider<BuildProperties> build) {
    String version =
        build.getIfAvailable() == null ? "unknown" : build.getIfAvailable().getVersion();
    Components components =
        new Components()
            .addSecuritySchemes(
                API_KEY,
                new SecurityScheme()
                    .type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER)
                    .name(ApiKeyAuthenticationManager.HEADER)
                    .description(
                        "The API key of your client, issued by the operators. The local"
                            + " platform's demo key is local-demo-key."))
            .addHeaders("Retry-After", retryAfter())
            .addExamples("ReservationRequest", reservationRequestExample());
    ModelConverters.getInstance(true)
        .readAll(new AnnotatedType(ProblemDocument.class))
        .forEach(components::addSchemas);
    errorAnswers().forEach(components::addResponses);
    return new OpenAPI()
        .info(
            new Info().title("Reservas reservation API").version(version).description(DESCRIPTION))
        .servers(
            List.of(
                new Server()
                    .url("http://localhost:8080")
                    .description("The local platform (README, Quick start)")))
        .components(components)
        .addSecurityItem(new SecurityRequirement().addList(API_KEY));
  }

  /**
   * Every operation is behind the API key filter and the rate limiter and may meet a failing or
   * unavailable database: said once here rather than on each controller method.
   */
  @Bean
  OpenApiCustomizer answersOfEveryOperation() {
    Map<String, String> everywhere = new LinkedHashMap<>();
    everywhere.put("401", UNAUTHORIZED);
    everywhere.put("429", TOO_MANY_REQUESTS);
    everywhere.put("500", INTERNAL_ERROR);
    everywhere.put("503", UNAVAILABLE);
    return openApi ->
        openApi.getPaths().values().stream()
            .flatMap(path -> path.readOperations().stream())
            .forEach(
                operation ->
                    everywhere.forEach(
                        (status, ref) -> {
                          if (!operation.getResponses().containsKey(status)) {
                            operation
                                .getResponses()
                                .addApiResponse(status, new ApiResponse().$ref(ref));
                          }
                        }));
  }

  private static Map<String, ApiResponse> errorAnswers() {
    Map<String, ApiResponse> answers = new LinkedHashMap<>();
    answers.put(
        "RuleViolated",
        problem(
            "The request is well-formed but breaks a business rule.",
            Map.of(
                "rental-too-long",
                example(
                    400,
                    "rental-too-long",
                    "Business rule violated",
                    "A rental lasts at most 90 days"),
                "office-closed",
                example(
                    400,
                    "office-closed",
                    "Business rule violated",
                    "Office MAD-CITY is open 08:00–20:00; choose a pickup time within its opening"
                        + " hours"))));
    answers.put(
        "Unauthorized",
        problem(
                "No API key, or an unknown or revoked one.",
                Map.of(
                    "unauthorized",
                    example(
                        401,
                        "unauthorized",
                        "Unauthorized",
                        "Send your API key in the X-Api-Key header")))
            .addHeaderObject(
                "WWW-Authenticate",
                new Header()
                    .description("How to authenticate.")
                    .schema(new StringSchema().example("ApiKey header=\"X-Api-Key\""))));
    answers.put(
        "NotFound",
        problem(
            "No such reservation for this client (codes are upper-case).",
            Map.of(
                "not-found",
                example(404, "not-found", "Reservation not found", "No reservation K7P2QX9A"))));
    answers.put(
        "IdempotencyKeyReused",
        problem(
            "The Idempotency-Key was first used with a different request body.",
            Map.of(
                "idempotency-key-reused",
                example(
                    409,
                    "idempotency-key-reused",
                    "Idempotency key reused",
                    "This Idempotency-Key was first used with a different request body"))));
    answers.put(
        "NotCancellable",
        problem(
            "Already cancelled, or the pickup time has passed.",
            Map.of(
                "not-cancellable",
                example(
                    409,
                    "not-cancellable",
                    "Reservation cannot be cancelled",
                    "The reservation is already cancelled"))));
    answers.put(
        "ContentTooLarge",
        problem(
            "The body is over 32 KB.",
            Map.of(
                "payload-too-large",
                example(
                    413,
                    "payload-too-large",
                    "Payload too large",
                    "The request body is larger than this API accepts"))));
    answers.put(
        "UnsupportedMediaType",
        problem(
            "The body is not application/json.",
            Map.of(
                "unsupported-media-type",
                example(
                    415,
                    "unsupported-media-type",
                    "Unsupported Media Type",
                    "Send application/json"))));
    answers.put("InvalidInput", invalidInput());
    answers.put(
        "TooManyRequests",
        problem(
                "Over the rate limit of this client address; retry after Retry-After seconds.",
                Map.of(
                    "too-many-requests",
                    example(
                        429,
                        "too-many-requests",
                        "Too many requests",
                        "Too many requests to this endpoint from your address; retry in 1 s")))
            .addHeaderObject("Retry-After", new Header().$ref("#/components/headers/Retry-After")));
    answers.put(
        "InternalError",
        problem(
            "Something failed on the server; nothing about it is disclosed (it is logged).",
            Map.of(
                "internal-error",
                example(
                    500,
                    "internal-error",
                    "Internal error",
                    "Something went wrong on our side; it has been logged"))));
    answers.put(
        "Unavailable",
        problem(
                "The reservation store is not answering; retry after Retry-After seconds.",
                Map.of(
                    "unavailable",
                    example(
                        503,
                        "unavailable",
                        "Service unavailable",
                        "The reservation store is not answering; retry shortly")))
            .addHeaderObject("Retry-After", new Header().$ref("#/components/headers/Retry-After")));
    return answers;
  }

  private static ApiResponse invalidInput() {
    Map<String, Object> body =
        example(422, "invalid-input", "Invalid input", "3 fields are invalid");
    body.put(
        "errors",
        List.of(
            Map.of("field", "customer.email", "message", "must be an e-mail address"),
            Map.of("field", "pickup.at", "message", "must be in the future"),
            Map.of("field", "payment.cvv", "message", "is not a known field")));
    return problem(
        "The input is invalid: every invalid field is listed in errors. Nothing was changed.",
        Map.of("invalid-input", body));
  }

  private static ApiResponse problem(
      String description, Map<String, Map<String, Object>> examples) {
    MediaType problemJson =
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
    examples.forEach((name, value) -> problemJson.addExamples(name, new Example().value(value)));
    return new ApiResponse()
        .description(description)
        .content(new Content().addMediaType(PROBLEM_JSON, problemJson));
  }

  private static Map<String, Object> example(int status, String type, String title, String detail) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", PROBLEMS + type);
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("instance", "/api/v1/reservations");
    return problem;
  }

  private static Header retryAfter() {
    return new Header()
        .description("Seconds to wait before retrying.")
        .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE).example(5));
  }

  private static Example reservationRequestExample() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "customer",
        Map.of(
            "firstName", "Ana",
            "lastName", "García Núñez",
            "email", "ana@example.com",
            "phone", "+34600111222"));
    body.put("vehicle", Map.of("categoryCode", "CDAR", "supplierCode", "IBERCAR"));
    body.put("pickup", Map.of("officeCode", "MAD-AIRPORT", "at", "2027-03-10T09:30:00"));
    body.put("dropoff", Map.of("officeCode", "MAD-AIRPORT", "at", "2027-03-14T18:00:00"));
    body.put("payment", Map.of("paymentMethodToken", "pm_card_visa"));
    return new Example()
        .summary("Four days at Madrid airport, paid with Stripe's test Visa")
        .value(body);
  }
}
