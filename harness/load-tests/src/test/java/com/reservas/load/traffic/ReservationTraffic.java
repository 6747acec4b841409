package com.reservas.load.traffic;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.reservas.load.samples.Sample;
import com.reservas.load.samples.SampleLog;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a virtual customer does: think, create a reservation, then read it back by its code. Every
 * request is also recorded in a {@link SampleLog} for the post-run report.
 */
public final class ReservationTraffic {

  /** Request names in Gatling's report (a phase may be appended, e.g. " (after)"). */
  public static final String CREATE = "POST /reservations";

  public static final String READ = "GET /reservations/{code}";

  public static final String WARM_UP = " (warm-up)";

  private static final String BODY = "body";
  private static final String IDEMPOTENCY_KEY = "idempotencyKey";
  private static final String STARTED = "startedAt";
  private static final String USERS = "activeUsers";
  private static final String RESPONSE_TIME = "responseTime";
  private static final String STATUS = "status";
  private static final String CODE = "code";

  private final SampleLog samples;
  private final ThreadLocal<ReservationBodies> bodies =
      ThreadLocal.withInitial(
          () -> new ReservationBodies(new Random(), LocalDate.now(ZoneOffset.UTC)));

  public ReservationTraffic(SampleLog samples) {
    this.samples = samples;
  }

  /** The API with the client's key; JSON both ways; {@code -DshareConnections} (true). */
  public HttpProtocolBuilder protocol() {
    return protocol(LoadSettings.shareConnections(true));
  }

  /** The API with the client's key; JSON both ways. */
  public HttpProtocolBuilder protocol(boolean shareConnections) {
    HttpProtocolBuilder protocol =
        http.baseUrl(LoadSettings.baseUrl())
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .header("X-Api-Key", LoadSettings.apiKey())
            .userAgentHeader("reservas-load-tests")
            .disableCaching();
    return shareConnections ? protocol.shareConnections() : protocol;
  }

  /** A customer with the configured think time and read delay. */
  public ChainBuilder customer(String phase) {
    return customer(phase, LoadSettings.thinkTime(), LoadSettings.readDelay());
  }

  /**
   * A customer: pauses about {@code think} (uniformly ½–1½ of it), creates a reservation, pauses
   * {@code readDelay} and reads the reservation by the code it got.
   */
  public ChainBuilder customer(String phase, Duration think, Duration readDelay) {
    String create = CREATE + phase;
    String read = READ + phase;
    ChainBuilder chain = exec(session -> session.set(USERS, samples.userStarted()));
    if (!think.isZero()) {
      chain = chain.pause(think.dividedBy(2), think.multipliedBy(3).dividedBy(2));
    }
    chain =
        chain
            .exec(this::prepareCreation)
            .doIfOrElse(session -> session.contains(IDEMPOTENCY_KEY))
            .then(exec(creation(create).header("Idempotency-Key", "#{" + IDEMPOTENCY_KEY + "}")))
            .orElse(exec(creation(create)))
            .exec(session -> record(session, create, 201));
    ChainBuilder reading =
        (readDelay.isZero() ? exec(this::prepareRead) : pause(readDelay).exec(this::prepareRead))
            .exec(reading(read))
            .exec(session -> record(session, read, 200));
    return chain
        .doIf(session -> session.contains(CODE))
        .then(reading)
        .exec(
            session -> {
              samples.userFinished();
              return session;
            });
  }

  private static HttpRequestActionBuilder creation(String name) {
    return http(name)
        .post("/api/v1/reservations")
        .body(StringBody(session -> session.getString(BODY)))
        .check(
            responseTimeInMillis().saveAs(RESPONSE_TIME),
            status().saveAs(STATUS),
            status().is(201),
            jsonPath("$.code").saveAs(CODE));
  }

  private static HttpRequestActionBuilder reading(String name) {
    return http(name)
        .get(session -> "/api/v1/reservations/" + session.getString(CODE))
        .check(
            responseTimeInMillis().saveAs(RESPONSE_TIME),
            status().saveAs(STATUS),
            status().is(200),
            jsonPath("$.code").is(session -> session.getString(CODE)));
  }

  private Session prepareCreation(Session session) {
    Session next =
        session
            .removeAll(RESPONSE_TIME, STATUS, CODE, IDEMPOTENCY_KEY)
            .set(BODY, bodies.get().next())
            .set(USERS, samples.activeUsers())
            .set(STARTED, System.currentTimeMillis());
    if (ThreadLocalRandom.current().nextDouble() < LoadSettings.idempotencyKeyShare()) {
      next = next.set(IDEMPOTENCY_KEY, UUID.randomUUID().toString());
    }
    return next;
  }

  private Session prepareRead(Session session) {
    return session
        .removeAll(RESPONSE_TIME, STATUS)
        .set(USERS, samples.activeUsers())
        .set(STARTED, System.currentTimeMillis());
  }

  private Session record(Session session, String request, int expectedStatus) {
    boolean answered = session.contains(RESPONSE_TIME);
    int status = session.contains(STATUS) ? session.getInt(STATUS) : 0;
    String code = session.contains(CODE) ? session.getString(CODE) : "";
    boolean ok = status == expectedStatus && !code.isEmpty();
    samples.record(
        new Sample(
            request,
            session.getLong(STARTED),
            answered ? session.getInt(RESPONSE_TIME) : -1,
            status,
            ok,
            session.getInt(USERS),
            code));
    return ok ? session : session.remove(CODE);
  }
}
