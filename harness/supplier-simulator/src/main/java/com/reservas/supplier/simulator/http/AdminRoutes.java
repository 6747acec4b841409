package com.reservas.supplier.simulator.http;

import com.reservas.standin.kit.fault.FaultInjector;
import com.reservas.supplier.simulator.booking.BookingDesk;
import com.reservas.supplier.simulator.fault.FailureMode;
import com.reservas.supplier.simulator.fault.FaultSettings;
import com.reservas.supplier.simulator.stats.SupplierStats;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The simulator's own controls ({@code /admin}), for demos and fault tests: set and clear injected
 * faults, read counters, list bookings, reset. Never subject to injected faults. Not part of a real
 * supplier's API.
 */
public final class AdminRoutes {

  private final BookingDesk desk;
  private final FaultInjector<FailureMode, FaultSettings> faults;
  private final Supplier<SupplierStats> stats;
  private final Runnable reset;
  private final RequestBodies requests = new RequestBodies(JsonSupport.MAPPER);
  private final ResponseBodies responses = new ResponseBodies(JsonSupport.MAPPER);

  public AdminRoutes(
      BookingDesk desk,
      FaultInjector<FailureMode, FaultSettings> faults,
      Supplier<SupplierStats> stats,
      Runnable reset) {
    this.desk = desk;
    this.faults = faults;
    this.stats = stats;
    this.reset = reset;
  }

  public void register(HttpServerRoutes routes) {
    routes
        .put("/admin/faults", (request, response) -> exchange(request, response, this::setFaults))
        .get(
            "/admin/faults",
            (request, response) -> ok(response, responses.faults(faults.settings())))
        .delete(
            "/admin/faults",
            (request, response) -> {
              faults.clear();
              return Reply.noContent().sendTo(response);
            })
        .get("/admin/stats", (request, response) -> ok(response, responses.stats(stats.get())))
        .get("/admin/bookings", (request, response) -> ok(response, bookings(request)))
        .post(
            "/admin/reset",
            (request, response) -> {
              reset.run();
              return Reply.noContent().sendTo(response);
            })
        .post(
            "/admin/request-ids/forget",
            (request, response) -> {
              desk.forgetRequestIds();
              return Reply.noContent().sendTo(response);
            })
        .get("/admin/health", (request, response) -> ok(response, responses.health()));
  }

  /** Answers {@code 404} with an error body for anything no route took. */
  public static void registerNotFound(HttpServerRoutes routes) {
    ResponseBodies responses = new ResponseBodies(JsonSupport.MAPPER);
    routes.route(
        request -> true,
        (request, response) ->
            Reply.json(
                    HttpResponseStatus.NOT_FOUND,
                    responses.error(
                        ErrorReason.NOT_FOUND,
                        "No route for " + request.method() + " " + request.fullPath()))
                .sendTo(response));
  }

  private Mono<Void> exchange(
      HttpServerRequest request, HttpServerResponse response, Function<String, Reply> handler) {
    return request
        .receive()
        .aggregate()
        .asString(StandardCharsets.UTF_8)
        .defaultIfEmpty("")
        .flatMap(
            body -> {
              Reply reply;
              try {
                reply = handler.apply(body);
              } catch (InvalidRequestException invalid) {
                reply =
                    Reply.json(
                        HttpResponseStatus.BAD_REQUEST,
                        responses.error(ErrorReason.INVALID_REQUEST, invalid.getMessage()));
              }
              return reply.sendTo(response);
            });
  }

  private Reply setFaults(String body) {
    faults.set(requests.faultSettings(body));
    return Reply.json(HttpResponseStatus.OK, responses.faults(faults.settings()));
  }

  private String bookings(HttpServerRequest request) {
    List<String> reservationCode =
        new QueryStringDecoder(request.uri()).parameters().get("reservationCode");
    if (reservationCode == null || reservationCode.isEmpty()) {
      return responses.bookingsWithMaskedDrivers(desk.bookings());
    }
    return responses.bookingsWithMaskedDrivers(desk.bookingsFor(reservationCode.get(0)));
  }

  private static Mono<Void> ok(HttpServerResponse response, String body) {
    return Reply.json(HttpResponseStatus.OK, body).sendTo(response);
  }
}
