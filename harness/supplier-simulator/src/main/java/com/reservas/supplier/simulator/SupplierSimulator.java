package com.reservas.supplier.simulator;

import com.reservas.standin.kit.StandInServer;
import com.reservas.standin.kit.fault.FaultInjector;
import com.reservas.standin.kit.fault.FaultedExchanges;
import com.reservas.supplier.simulator.booking.Booking;
import com.reservas.supplier.simulator.booking.BookingDesk;
import com.reservas.supplier.simulator.fault.FailureMode;
import com.reservas.supplier.simulator.fault.FaultSettings;
import com.reservas.supplier.simulator.fleet.FleetSizing;
import com.reservas.supplier.simulator.http.AdminRoutes;
import com.reservas.supplier.simulator.http.SupplierApiRoutes;
import com.reservas.supplier.simulator.stats.ActivityCounters;
import com.reservas.supplier.simulator.stats.SupplierStats;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * A stand-in for the car supplier's HTTP API ({@code openapi/supplier-api.yaml}) that tests and the
 * local platform start in milliseconds: a plain Reactor Netty server, no Spring. It keeps a fleet
 * per office and category in memory, answers every request id once and for all, and fails on demand
 * (latency, 500, 503, timeouts, connection resets) through {@code /admin/faults} or {@link
 * #setFaults}. Thread-safe.
 *
 * <p>Run on its own with {@link #main}: port from the first argument or {@code
 * SUPPLIER_SIMULATOR_PORT} (default 8091), bound to {@code SUPPLIER_SIMULATOR_HOST} (default
 * 127.0.0.1).
 */
public final class SupplierSimulator implements AutoCloseable {

  public static final int DEFAULT_PORT = 8091;
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Far longer than any client timeout, short enough that a forgotten request goes away. */
  public static final Duration DEFAULT_TIMEOUT_HOLD = Duration.ofSeconds(30);

  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private static final String LOG_FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";
  private static final String ONE_LINE_LOG_FORMAT = "%1$tF %1$tT.%1$tL %4$s %3$s - %5$s%6$s%n";

  private final ActivityCounters counters = new ActivityCounters();
  private final FaultInjector<FailureMode, FaultSettings> faults =
      new FaultInjector<>(FaultSettings.NONE);
  private final BookingDesk desk;
  private final FaultedExchanges faulted;

  private final StandInServer server;

  /** With the standard fleet: 2 cars per category at AGP-AIRPORT, 50 elsewhere. */
  public SupplierSimulator() {
    this(FleetSizing.standard());
  }

  public SupplierSimulator(FleetSizing fleetSizing) {
    this(fleetSizing, DEFAULT_TIMEOUT_HOLD);
  }

  /**
   * @param timeoutHold how long an injected {@code TIMEOUT} holds a request before closing the
   *     connection (requests are also let go when the simulator stops)
   */
  public SupplierSimulator(FleetSizing fleetSizing, Duration timeoutHold) {
    this.desk = new BookingDesk(fleetSizing, counters, Clock.systemUTC());
    this.faulted = new FaultedExchanges(Objects.requireNonNull(timeoutHold, "timeoutHold"));
    this.server = new StandInServer("supplier simulator", STOP_GRACE, faulted);
  }

  /**
   * Keeps the bookings and the answers per request id in {@code booksDirectory} and reads them back
   * when started again there, as the supplier remembers them across our restarts: how the local
   * platform runs it. Call before {@link #start}.
   */
  public SupplierSimulator keepingBooksIn(Path booksDirectory) {
    desk.keepBooksIn(booksDirectory.resolve("bookings.jsonl"));
    return this;
  }

  /**
   * Starts listening on 127.0.0.1.
   *
   * @param port the port, or 0 for any free port
   * @return the port bound
   */
  public int start(int port) {
    return start(DEFAULT_HOST, port);
  }

  /**
   * Starts listening.
   *
   * @param port the port, or 0 for any free port
   * @return the port bound
   */
  public synchronized int start(String host, int port) {
    SupplierApiRoutes api = new SupplierApiRoutes(desk, faults, counters, faulted);
    AdminRoutes admin = new AdminRoutes(desk, faults, this::stats, this::reset);
    HttpServerRoutes routes = HttpServerRoutes.newRoutes();
    api.register(routes);
    admin.register(routes);
    AdminRoutes.registerNotFound(routes);
    return server.start(host, port, routes);
  }

  /** Stops listening; requests held by an injected timeout are let go. Bookings are kept. */
  public synchronized void stop() {
    server.stop();
  }

  @Override
  public void close() {
    stop();
  }

  public boolean isRunning() {
    return server.isRunning();
  }

  /** The port listened on; only while running. */
  public int port() {
    return server.port();
  }

  /** {@code http://host:port}, to configure a client with; only while running. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** Replaces the injected faults; takes effect from the next request. */
  public void setFaults(FaultSettings faultSettings) {
    faults.set(Objects.requireNonNull(faultSettings, "faultSettings"));
  }

  /** Back to a healthy supplier. */
  public void clearFaults() {
    faults.clear();
  }

  public FaultSettings faults() {
    return faults.settings();
  }

  public SupplierStats stats() {
    return counters.snapshot(faults.failuresInjected());
  }

  /** Every booking ever made (confirmed or cancelled), oldest first. */
  public List<Booking> bookings() {
    return desk.bookings();
  }

  /** The bookings made for one of our reservation codes, oldest first. */
  public List<Booking> bookingsFor(String reservationCode) {
    return desk.bookingsFor(reservationCode);
  }

  public Optional<Booking> booking(String bookingReference) {
    return desk.booking(bookingReference);
  }

  /**
   * Forgets the answers per request id but keeps the bookings: a supplier whose idempotency memory
   * expired, so a repeated booking request books another car.
   */
  public void forgetRequestIds() {
    desk.forgetRequestIds();
  }

  /** Forgets bookings and request ids, zeroes the counters and clears the faults. */
  public void reset() {
    desk.clear();
    counters.reset();
    faults.clear();
    faults.resetCount();
  }

  /**
   * Runs the simulator until the JVM is stopped.
   *
   * @param args optional port; otherwise {@code SUPPLIER_SIMULATOR_PORT}, else 8091
   */
  public static void main(String[] args) {
    if (System.getProperty(LOG_FORMAT_PROPERTY) == null) {
      System.setProperty(LOG_FORMAT_PROPERTY, ONE_LINE_LOG_FORMAT);
    }
    SimulatorEnvironment environment = SimulatorEnvironment.of(args, System.getenv());
    SupplierSimulator simulator = new SupplierSimulator(environment.fleetSizing());
    simulator.start(environment.host(), environment.port());
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "supplier-simulator-stop"));
    System.out.println(
        "Supplier simulator listening on "
            + simulator.baseUrl()
            + " (fleet "
            + environment.fleetSizing()
            + "); faults: PUT "
            + simulator.baseUrl()
            + "/admin/faults");
    simulator.server.awaitStop();
  }
}
