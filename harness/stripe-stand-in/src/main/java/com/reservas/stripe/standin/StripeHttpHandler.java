package com.reservas.stripe.standin;

import com.reservas.privacy.PersonalDataMasker;
import com.reservas.standin.kit.fault.FaultInjector;
import com.reservas.standin.kit.fault.FaultInjector.FaultPlan;
import com.reservas.standin.kit.fault.FaultedExchanges;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The HTTP side of the emulated Stripe API ({@code /v1/...}): authenticates, applies the injected
 * faults, honours {@code Idempotency-Key}, runs the request through {@link StripeApiRouter} and
 * writes the answer with Stripe's headers. Requests held by a {@link FailureMode#TIMEOUT} fault or
 * delayed by latency are let go when the stand-in stops.
 */
final class StripeHttpHandler {

  private static final Logger log = LoggerFactory.getLogger(StripeHttpHandler.class);

  private static final PersonalDataMasker MASKER = PersonalDataMasker.standard();

  private static final String DEFAULT_STRIPE_VERSION = "2026-07-29.dahlia";

  private final ApiKeyAuthenticator authenticator;
  private final FaultInjector<FailureMode, FaultSettings> faults;
  private final IdempotencyStore idempotency;
  private final StripeApiRouter router;
  private final StripeObjectRenderer renderer;
  private final TrafficCounters traffic;
  private final FaultedExchanges faulted;

  /** One request as read off the wire. */
  private record Incoming(
      String requestId,
      String method,
      String path,
      String query,
      String body,
      String authorization,
      String idempotencyKey,
      String stripeVersion) {

    boolean isIdempotent() {
      return "POST".equals(method) && idempotencyKey != null && !idempotencyKey.isBlank();
    }
  }

  /** The answer to write, and whether it came from the idempotency store. */
  private record Outcome(ApiResponse response, boolean replayed) {}

  StripeHttpHandler(
      ApiKeyAuthenticator authenticator,
      FaultInjector<FailureMode, FaultSettings> faults,
      IdempotencyStore idempotency,
      StripeApiRouter router,
      StripeObjectRenderer renderer,
      TrafficCounters traffic,
      FaultedExchanges faulted) {
    this.authenticator = authenticator;
    this.faults = faults;
    this.idempotency = idempotency;
    this.router = router;
    this.renderer = renderer;
    this.traffic = traffic;
    this.faulted = faulted;
  }

  Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
    traffic.requestReceived();
    String uri = request.uri();
    int queryStart = uri.indexOf('?');
    String path = queryStart < 0 ? uri : uri.substring(0, queryStart);
    String query = queryStart < 0 ? "" : uri.substring(queryStart + 1);
    String method = request.method().name();
    String authorization = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
    String idempotencyKey = request.requestHeaders().get("Idempotency-Key");
    String stripeVersion = request.requestHeaders().get("Stripe-Version");
    return request
        .receive()
        .aggregate()
        .asString(StandardCharsets.UTF_8)
        .defaultIfEmpty("")
        .flatMap(
            body ->
                respond(
                    new Incoming(
                        StripeIds.request(),
                        method,
                        path,
                        query,
                        body,
                        authorization,
                        idempotencyKey,
                        stripeVersion),
                    response));
  }

  private Mono<Void> respond(Incoming in, HttpServerResponse response) {
    String apiKey;
    try {
      apiKey = authenticator.authenticate(in.authorization());
    } catch (StripeApiError unauthenticated) {
      return write(response, in, new Outcome(errorResponse(unauthenticated, in), false));
    }
    FaultPlan<FailureMode, FaultSettings> fault = faults.next();
    Mono<Void> latency = faulted.delay(fault.settings().latency());
    if (fault.fails()) {
      FailureMode failure = fault.failure().orElseThrow();
      log.debug("Injecting {} into {} {} ({})", failure, in.method(), in.path(), in.requestId());
      return latency.then(
          faulted.fail(failure, response, () -> write(response, in, injected(failure, in))));
    }
    Outcome outcome = execute(in, apiKey);
    return latency.then(write(response, in, outcome));
  }

  private Outcome execute(Incoming in, String apiKey) {
    FormParameters params;
    try {
      params = FormParameters.parse(in.query()).and(FormParameters.parse(in.body()));
    } catch (StripeApiError malformed) {
      return new Outcome(errorResponse(malformed, in), false);
    }
    if (in.isIdempotent()) {
      IdempotencyStore.Claim claim =
          idempotency.claim(
              apiKey,
              in.idempotencyKey(),
              new IdempotencyStore.RequestFingerprint(
                  in.method(), in.path(), params.fingerprint()));
      switch (claim.outcome()) {
        case REPLAY:
          traffic.idempotentReplay();
          log.debug("Replaying {} {} for a reused idempotency key", in.method(), in.path());
          return new Outcome(claim.stored(), true);
        case MISMATCH:
          return new Outcome(
              errorResponse(StripeApiError.idempotencyMismatch(claim.message()), in), false);
        case IN_PROGRESS:
          return new Outcome(errorResponse(StripeApiError.idempotencyKeyInUse(), in), false);
        case GRANTED:
        default:
          break;
      }
    }
    ApiResponse answer;
    boolean keep;
    try {
      answer =
          new ApiResponse(
              200, renderer.write(router.route(in.method(), in.path(), params)), in.requestId());
      keep = true;
    } catch (StripeApiError error) {
      answer = errorResponse(error, in);
      keep = error.httpStatus() == 402;
    } catch (RuntimeException bug) {
      log.error("Stripe stand-in failed on {} {}", in.method(), in.path(), bug);
      answer = errorResponse(StripeApiError.internal(), in);
      keep = false;
    }
    if (in.isIdempotent()) {
      if (keep) {
        idempotency.complete(apiKey, in.idempotencyKey(), answer);
      } else {
        idempotency.release(apiKey, in.idempotencyKey());
      }
    }
    if (log.isDebugEnabled()) {
      log.debug(
          "{} {} {} -> {} ({})",
          in.method(),
          in.path(),
          params.masked(MASKER),
          answer.status(),
          in.requestId());
    }
    return new Outcome(answer, false);
  }

  /** Stripe's error answer for an injected HTTP failure; the others never reach the wire. */
  private Outcome injected(FailureMode failure, Incoming in) {
    StripeApiError error =
        switch (failure) {
          case HTTP_429 -> StripeApiError.rateLimited();
          case HTTP_500, TIMEOUT, CONNECTION_RESET -> StripeApiError.internal();
        };
    return new Outcome(errorResponse(error, in), false);
  }

  private Mono<Void> write(HttpServerResponse response, Incoming in, Outcome outcome) {
    ApiResponse answer = outcome.response();
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    response
        .status(answer.status())
        .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
        .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
        .header(HttpHeaderNames.CACHE_CONTROL, "no-cache, no-store")
        .header("Request-Id", in.requestId())
        .header(
            "Stripe-Version",
            in.stripeVersion() == null ? DEFAULT_STRIPE_VERSION : in.stripeVersion());
    if (in.isIdempotent()) {
      response.header("Idempotency-Key", in.idempotencyKey());
    }
    if (outcome.replayed()) {
      response.header("Idempotent-Replayed", "true");
      response.header("Original-Request", answer.requestId());
    }
    return response.sendByteArray(Mono.just(body)).then();
  }

  private ApiResponse errorResponse(StripeApiError error, Incoming in) {
    return new ApiResponse(
        error.httpStatus(), renderer.write(renderer.error(error)), in.requestId());
  }
}
