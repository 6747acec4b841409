package com.reservas.supplier.simulator.http;

import com.reservas.standin.kit.fault.FaultInjector;
import com.reservas.standin.kit.fault.FaultInjector.FaultPlan;
import com.reservas.standin.kit.fault.FaultedExchanges;
import com.reservas.supplier.simulator.booking.BookingDesk;
import com.reservas.supplier.simulator.booking.BookingOutcome;
import com.reservas.supplier.simulator.booking.BookingOutcome.Confirmed;
import com.reservas.supplier.simulator.booking.BookingOutcome.Rejected;
import com.reservas.supplier.simulator.booking.CancellationOutcome;
import com.reservas.supplier.simulator.booking.CancellationOutcome.Cancelled;
import com.reservas.supplier.simulator.booking.CancellationOutcome.NotFound;
import com.reservas.supplier.simulator.fault.FailureMode;
import com.reservas.supplier.simulator.fault.FailurePoint;
import com.reservas.supplier.simulator.fault.FaultSettings;
import com.reservas.supplier.simulator.stats.ActivityCounters;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The supplier API of {@code openapi/supplier-api.yaml} ({@code /v1/bookings}): turns requests into
 * calls on the {@link BookingDesk} and its outcomes into replies, with the current injected faults
 * applied to every exchange.
 */
public final class SupplierApiRoutes {

  /** Set on a reply that repeats the stored answer to an earlier request with the same id. */
  public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

  private static final String BOOKING_REFERENCE = "bookingReference";

  private final BookingDesk desk;
  private final FaultInjector<FailureMode, FaultSettings> faults;
  private final ActivityCounters counters;
  private final FaultedExchanges faulted;
  private final RequestBodies requests;
  private final ResponseBodies responses;
  private final ExchangeLog log;

  /** {@code faulted} delays and fails the exchanges the injected faults pick. */
  public SupplierApiRoutes(
      BookingDesk desk,
      FaultInjector<FailureMode, FaultSettings> faults,
      ActivityCounters counters,
      FaultedExchanges faulted) {
    this.desk = desk;
    this.faults = faults;
    this.counters = counters;
    this.faulted = faulted;
    this.requests = new RequestBodies(JsonSupport.MAPPER);
    this.responses = new ResponseBodies(JsonSupport.MAPPER);
    this.log = new ExchangeLog(JsonSupport.MAPPER);
  }

  public void register(HttpServerRoutes routes) {
    routes
        .post(
            "/v1/bookings",
            (request, response) -> {
              counters.bookingAttempted();
              return exchange(request, response, this::book);
            })
        .get(
            "/v1/bookings",
            (request, response) ->
                exchange(request, response, body -> findByRequestId(request.uri())))
        .get(
            "/v1/bookings/{" + BOOKING_REFERENCE + "}",
            (request, response) ->
                exchange(request, response, body -> find(request.param(BOOKING_REFERENCE))))
        .post(
            "/v1/bookings/{" + BOOKING_REFERENCE + "}/cancellation",
            (request, response) ->
                exchange(
                    request, response, body -> cancel(request.param(BOOKING_REFERENCE), body)));
  }

  private Mono<Void> exchange(
      HttpServerRequest request, HttpServerResponse response, Function<String, Reply> handler) {
    long startedNanos = System.nanoTime();
    String method = request.method().name();
    String uri = request.uri();
    return request
        .receive()
        .aggregate()
        .asString(StandardCharsets.UTF_8)
        .defaultIfEmpty("")
        .flatMap(
            body -> {
              FaultPlan<FailureMode, FaultSettings> plan = faults.next();
              return faulted
                  .delay(plan.settings().latency())
                  .then(
                      Mono.defer(
                          () -> {
                            if (failsAt(plan, FailurePoint.BEFORE_PROCESSING)) {
                              return fail(plan, method, uri, body, response, startedNanos);
                            }
                            Reply reply = answer(handler, method, uri, body);
                            if (failsAt(plan, FailurePoint.AFTER_PROCESSING)) {
                              return fail(plan, method, uri, body, response, startedNanos);
                            }
                            log.answered(method, uri, body, reply, startedNanos);
                            return reply.sendTo(response);
                          }));
            });
  }

  private static boolean failsAt(FaultPlan<FailureMode, FaultSettings> plan, FailurePoint point) {
    return plan.fails() && plan.settings().failurePoint() == point;
  }

  private Mono<Void> fail(
      FaultPlan<FailureMode, FaultSettings> plan,
      String method,
      String uri,
      String body,
      HttpServerResponse response,
      long startedNanos) {
    FailureMode failure = plan.failure().orElseThrow();
    log.failed(method, uri, body, failure, startedNanos);
    return faulted.fail(failure, response, () -> injectedAnswer(failure).sendTo(response));
  }

  /** The supplier's error answer for an injected HTTP failure; the others never reach the wire. */
  private Reply injectedAnswer(FailureMode failure) {
    return switch (failure) {
      case HTTP_503 ->
          error(
                  HttpResponseStatus.SERVICE_UNAVAILABLE,
                  ErrorReason.INJECTED_FAULT,
                  "Injected failure: HTTP 503")
              .withHeader(HttpHeaderNames.RETRY_AFTER.toString(), "1");
      case HTTP_500, TIMEOUT, CONNECTION_RESET ->
          error(
              HttpResponseStatus.INTERNAL_SERVER_ERROR,
              ErrorReason.INJECTED_FAULT,
              "Injected failure: HTTP 500");
    };
  }

  private Reply answer(Function<String, Reply> handler, String method, String uri, String body) {
    try {
      return handler.apply(body);
    } catch (InvalidRequestException invalid) {
      return error(
          HttpResponseStatus.BAD_REQUEST, ErrorReason.INVALID_REQUEST, invalid.getMessage());
    } catch (RuntimeException bug) {
      log.broke(method, uri, bug);
      return error(
          HttpResponseStatus.INTERNAL_SERVER_ERROR,
          ErrorReason.INTERNAL_ERROR,
          "The supplier simulator failed: " + bug);
    }
  }

  private Reply book(String body) {
    BookingOutcome outcome = desk.book(requests.bookingRequest(body));
    if (outcome instanceof Confirmed confirmed) {
      Reply reply =
          Reply.json(HttpResponseStatus.CREATED, responses.booking(confirmed.booking()))
              .withHeader(
                  HttpHeaderNames.LOCATION.toString(),
                  "/v1/bookings/" + confirmed.booking().bookingReference());
      return confirmed.replayed() ? reply.withHeader(IDEMPOTENT_REPLAYED, "true") : reply;
    }
    if (outcome instanceof Rejected rejected) {
      Reply reply =
          Reply.json(HttpResponseStatus.UNPROCESSABLE_ENTITY, responses.rejection(rejected));
      return rejected.replayed() ? reply.withHeader(IDEMPOTENT_REPLAYED, "true") : reply;
    }
    return error(
        HttpResponseStatus.CONFLICT,
        ErrorReason.REQUEST_ID_REUSED,
        "requestId %s was already used for a different booking request"
            .formatted(((BookingOutcome.RequestIdReused) outcome).requestId()));
  }

  private Reply find(String bookingReference) {
    return desk.booking(bookingReference)
        .map(booking -> Reply.json(HttpResponseStatus.OK, responses.booking(booking)))
        .orElseGet(() -> bookingNotFound(bookingReference));
  }

  private Reply findByRequestId(String uri) {
    List<String> requestId = new QueryStringDecoder(uri).parameters().get("requestId");
    if (requestId == null || requestId.size() != 1 || requestId.get(0).isBlank()) {
      return error(
          HttpResponseStatus.BAD_REQUEST,
          ErrorReason.INVALID_REQUEST,
          "Exactly one requestId query parameter is required");
    }
    return Reply.json(
        HttpResponseStatus.OK, responses.bookingList(desk.bookingsForRequestId(requestId.get(0))));
  }

  private Reply cancel(String bookingReference, String body) {
    CancellationOutcome outcome =
        desk.cancel(bookingReference, requests.cancellationRequestId(body));
    if (outcome instanceof Cancelled cancelled) {
      return Reply.json(HttpResponseStatus.OK, responses.booking(cancelled.booking()));
    }
    if (outcome instanceof NotFound) {
      return bookingNotFound(bookingReference);
    }
    CancellationOutcome.RequestIdReused reused = (CancellationOutcome.RequestIdReused) outcome;
    return error(
        HttpResponseStatus.CONFLICT,
        ErrorReason.REQUEST_ID_REUSED,
        "requestId %s was already used to cancel booking %s"
            .formatted(reused.requestId(), reused.usedForBookingReference()));
  }

  private Reply bookingNotFound(String bookingReference) {
    return error(
        HttpResponseStatus.NOT_FOUND,
        ErrorReason.BOOKING_NOT_FOUND,
        "No booking has the reference " + bookingReference);
  }

  private Reply error(HttpResponseStatus status, ErrorReason reason, String message) {
    return Reply.json(status, responses.error(reason, message));
  }
}
