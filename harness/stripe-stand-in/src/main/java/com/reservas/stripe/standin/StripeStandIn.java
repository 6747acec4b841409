package com.reservas.stripe.standin;

import com.reservas.standin.kit.StandInServer;
import com.reservas.standin.kit.fault.FaultInjector;
import com.reservas.standin.kit.fault.FaultedExchanges;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for Stripe's PaymentIntents and Refunds API in test mode, so that the real
 * stripe-java client (pointed at it with {@code setApiBase}) can authorize, capture, void and
 * refund in tests and in the one-machine run without reaching Stripe, and so that Stripe outages,
 * slowness and lost responses can be injected on purpose.
 *
 * <p>Embed it with {@link #start(int)} / {@link #stop()} (or try-with-resources), steer it with
 * {@link #setFaults(FaultSettings)}, and check the books with {@link #stats()} and the
 * per-reservation helpers. Run it alone with {@link #main(String[])}.
 */
public final class StripeStandIn implements AutoCloseable {

  /** Port of the stand-alone stand-in unless told otherwise. */
  public static final int DEFAULT_PORT = 12111;

  /** Interface the stand-alone stand-in binds unless told otherwise: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Environment variable for the stand-alone port. */
  public static final String PORT_ENV = "STRIPE_STAND_IN_PORT";

  /** Environment variable for the stand-alone bind address. */
  public static final String HOST_ENV = "STRIPE_STAND_IN_HOST";

  /** How long a {@link FailureMode#TIMEOUT} fault holds a request before closing it. */
  public static final Duration TIMEOUT_HOLD = Duration.ofSeconds(30);

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final AdjustableClock clock;
  private final PaymentLedger ledger;
  private final IdempotencyStore idempotency;
  private final FaultInjector<FailureMode, FaultSettings> faults =
      new FaultInjector<>(FaultSettings.none());
  private final FaultedExchanges faulted;
  private final TrafficCounters traffic = new TrafficCounters();
  private final StripeHttpHandler stripeApi;
  private final AdminHttpHandler admin;

  private final StandInServer server;

  public StripeStandIn() {
    this(TIMEOUT_HOLD);
  }

  /**
   * A stand-in whose {@link FailureMode#TIMEOUT} fault holds requests for {@code timeoutHold}
   * instead of {@link #TIMEOUT_HOLD}; it must exceed the client's read timeout to be seen as one.
   */
  public StripeStandIn(Duration timeoutHold) {
    this(Clock.systemUTC(), timeoutHold);
  }

  /**
   * A stand-in that keeps its books (PaymentIntents, refunds, idempotent answers) in {@code
   * booksDirectory} and reads them back when started again there, as Stripe remembers them across
   * our restarts: how the local platform runs it.
   */
  public StripeStandIn(Path booksDirectory) {
    this(Clock.systemUTC(), TIMEOUT_HOLD);
    ledger.keepBooksIn(booksDirectory.resolve("payment-ledger.jsonl"));
    idempotency.keepAnswersIn(booksDirectory.resolve("idempotency-keys.jsonl"));
  }

  StripeStandIn(Clock clock, Duration timeoutHold) {
    this.clock = new AdjustableClock(clock);
    JsonMapper json = JsonMapper.builder().build();
    StripeObjectRenderer renderer = new StripeObjectRenderer(json);
    this.ledger = new PaymentLedger(this.clock);
    this.idempotency = new IdempotencyStore(this.clock);
    this.faulted = new FaultedExchanges(timeoutHold);
    this.server = new StandInServer("Stripe stand-in", STOP_TIMEOUT, faulted);
    this.stripeApi =
        new StripeHttpHandler(
            new ApiKeyAuthenticator(),
            faults,
            idempotency,
            new StripeApiRouter(ledger, renderer),
            renderer,
            traffic,
            faulted);
    this.admin = new AdminHttpHandler(json, faults, this::stats, this::reset, this::advanceClock);
  }

  /**
   * Starts serving on {@code 127.0.0.1}.
   *
   * @param port the port, or 0 for any free port
   * @return the bound port
   */
  public synchronized int start(int port) {
    return start(DEFAULT_HOST, port);
  }

  /**
   * Starts serving on {@code host}. The PaymentIntents, refunds and idempotency keys of an earlier
   * run of this instance are kept, so a stop and start on the same port looks like a Stripe outage.
   *
   * @param host the address to bind
   * @param port the port, or 0 for any free port
   * @return the bound port
   */
  public synchronized int start(String host, int port) {
    return server.start(host, port, this::dispatch);
  }

  /** Stops serving, letting go of held requests first; does nothing if not running. */
  public synchronized void stop() {
    server.stop();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  public boolean isRunning() {
    return server.isRunning();
  }

  /** The bound port; only while running. */
  public int port() {
    return server.port();
  }

  /** What to pass to stripe-java's {@code setApiBase}, e.g. {@code http://127.0.0.1:12111}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** Replaces the fault settings; applies to the next request. */
  public void setFaults(FaultSettings settings) {
    faults.set(settings);
  }

  /** Back to behaving like Stripe. */
  public void clearFaults() {
    faults.clear();
  }

  /** The fault settings in force, {@code maxFailures} showing how many failures are left. */
  public FaultSettings faults() {
    return faults.current(FaultSettings::withFailuresLeft);
  }

  public StandInStats stats() {
    return new StandInStats(
        traffic.requests(),
        faults.failuresInjected(),
        traffic.idempotentReplays(),
        ledger.totals(),
        ledger.byReservation());
  }

  /** Money movements of one reservation, by {@code metadata[reservation_code]}. */
  public ReservationCharges chargesFor(String reservationCode) {
    return ledger.chargesFor(reservationCode);
  }

  /** PaymentIntents created for the reservation, declined ones included. */
  public long paymentIntentsCreatedFor(String reservationCode) {
    return chargesFor(reservationCode).paymentIntents();
  }

  /** Successful authorizations for the reservation; more than one means it was charged twice. */
  public long authorizationsFor(String reservationCode) {
    return chargesFor(reservationCode).authorizations();
  }

  /** Amount captured for the reservation, minor units. */
  public long capturedAmountFor(String reservationCode) {
    return chargesFor(reservationCode).capturedAmount();
  }

  /** Amount refunded for the reservation, minor units. */
  public long refundedAmountFor(String reservationCode) {
    return chargesFor(reservationCode).refundedAmount();
  }

  /** PaymentIntents canceled (authorizations voided) for the reservation. */
  public long voidsFor(String reservationCode) {
    return chargesFor(reservationCode).voids();
  }

  /** The reservation's PaymentIntents as they are now, oldest first. */
  public List<PaymentIntentRecord> paymentIntentsFor(String reservationCode) {
    return ledger.paymentIntentsFor(reservationCode);
  }

  public Optional<PaymentIntentRecord> paymentIntent(String id) {
    return ledger.find(id);
  }

  /**
   * Lets time pass for the stand-in: e.g. 25 hours, after which Stripe no longer knows an
   * idempotency key and a repeated request makes a new PaymentIntent.
   */
  public void advanceClock(Duration amount) {
    clock.advance(amount);
    log().info("Stripe stand-in clock advanced by {} (now {} ahead)", amount, clock.offset());
  }

  /**
   * Forgets every PaymentIntent, refund, idempotency key and count, clears the faults and sets the
   * clock back.
   */
  public void reset() {
    clock.reset();
    faults.clear();
    faults.resetCount();
    idempotency.clear();
    ledger.clear();
    traffic.reset();
  }

  /**
   * Runs the stand-in alone until the process is stopped. Port from the first argument, else
   * {@value #PORT_ENV}, else {@value #DEFAULT_PORT}; bind address from {@value #HOST_ENV}, else
   * {@value #DEFAULT_HOST}.
   */
  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null
        && StripeStandIn.class.getResource("/stripe-stand-in-logback.xml") != null) {
      System.setProperty("logback.configurationFile", "stripe-stand-in-logback.xml");
    }
    String portText = args.length > 0 ? args[0] : System.getenv(PORT_ENV);
    int port = portText == null || portText.isBlank() ? DEFAULT_PORT : Integer.parseInt(portText);
    String hostText = System.getenv(HOST_ENV);
    String host = hostText == null || hostText.isBlank() ? DEFAULT_HOST : hostText;
    StripeStandIn standIn = new StripeStandIn();
    standIn.start(host, port);
    Runtime.getRuntime().addShutdownHook(new Thread(standIn::stop, "stripe-stand-in-shutdown"));
    standIn.server.awaitStop();
  }

  private Publisher<Void> dispatch(HttpServerRequest request, HttpServerResponse response) {
    Mono<Void> handled =
        request.uri().startsWith(AdminHttpHandler.PREFIX + "/")
            ? admin.handle(request, response)
            : stripeApi.handle(request, response);
    return handled.onErrorResume(
        error -> {
          log().error("Stripe stand-in failed on {} {}", request.method(), request.path(), error);
          return response.status(500).send().then();
        });
  }

  /** Looked up on use, so that {@link #main} can choose the logging configuration first. */
  private static Logger log() {
    return LoggerFactory.getLogger(StripeStandIn.class);
  }
}
