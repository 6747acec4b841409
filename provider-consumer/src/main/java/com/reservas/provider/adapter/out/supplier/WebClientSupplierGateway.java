package com.reservas.provider.adapter.out.supplier;

import com.reservas.consumer.support.audit.ExternalCallRecorder;
import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.consumer.support.resilience.ResiliencePipeline;
import com.reservas.provider.adapter.out.supplier.SupplierApiMessages.BookingBody;
import com.reservas.provider.adapter.out.supplier.SupplierApiMessages.BookingList;
import com.reservas.provider.adapter.out.supplier.SupplierApiMessages.BookingReply;
import com.reservas.provider.adapter.out.supplier.SupplierApiMessages.CancellationBody;
import com.reservas.provider.adapter.out.supplier.SupplierApiMessages.ErrorReply;
import com.reservas.provider.application.port.out.SupplierGateway;
import com.reservas.provider.application.port.out.SupplierRequestRefusedException;
import com.reservas.provider.application.port.out.SupplierUnavailableException;
import com.reservas.provider.domain.BookingRequest;
import com.reservas.provider.domain.CancellationRequest;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link SupplierGateway} over the supplier's HTTP API ({@code supplier-api.yaml}) with WebClient,
 * behind consumer-support's {@link ResiliencePipeline}, blocking at its edge. Every attempt is
 * recorded as an {@link HttpExchange} with masked bodies; the calls of one operation travel with
 * its answer or its failure. A {@code 422} rejection is an answer, never retried; {@code 400},
 * {@code 404}, {@code 409} are refusals of the request as such; 5xx, {@code 408}, {@code 429},
 * timeouts and connection failures are transient.
 */
public final class WebClientSupplierGateway implements SupplierGateway {

  private static final String EXTERNAL_CALL = "reservas.external.call";
  static final String BOOK_OPERATION = "supplier.bookings.create";
  static final String CANCEL_OPERATION = "supplier.bookings.cancel";
  static final String FIND_OPERATION = "supplier.bookings.find";

  private static final Logger log = LoggerFactory.getLogger(WebClientSupplierGateway.class);

  private final WebClient webClient;
  private final String baseUrl;
  private final JsonMapper json;
  private final ExternalCallRecorder recorder;
  private final ResiliencePipeline resilience;
  private final Clock clock;
  private final ObservationRegistry observations;

  /**
   * @param webClient the HTTP client (timeouts and codecs set)
   * @param baseUrl the supplier API, without {@code /v1}; paths are appended to it as they are
   *     (already encoded), never expanded as templates
   */
  public WebClientSupplierGateway(
      WebClient webClient,
      String baseUrl,
      JsonMapper json,
      ExternalCallRecorder recorder,
      ResiliencePipeline resilience,
      Clock clock,
      ObservationRegistry observations) {
    this.observations = Objects.requireNonNull(observations, "observations");
    this.webClient = Objects.requireNonNull(webClient, "webClient");
    this.baseUrl = stripTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
    this.json = Objects.requireNonNull(json, "json");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.resilience = Objects.requireNonNull(resilience, "resilience");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public BookingAnswer book(BookingRequest request) {
    Exchange exchange =
        new Exchange(
            BOOK_OPERATION,
            request.requestId(),
            HttpMethod.POST,
            "/v1/bookings",
            json.writeValueAsString(BookingBody.of(request)));
    return observed("book", () -> bookingAnswer(exchange, call(exchange)));
  }

  @Override
  public CancellationAnswer cancel(CancellationRequest request) {
    Exchange exchange =
        new Exchange(
            CANCEL_OPERATION,
            request.requestId(),
            HttpMethod.POST,
            "/v1/bookings/"
                + UriUtils.encodePathSegment(request.bookingReference(), StandardCharsets.UTF_8)
                + "/cancellation",
            json.writeValueAsString(CancellationBody.of(request)));
    return observed("cancel", () -> cancellationAnswer(exchange, call(exchange), request));
  }

  @Override
  public BookingLookup findBooking(BookingRequest request) {
    Exchange exchange =
        new Exchange(
            FIND_OPERATION,
            request.requestId(),
            HttpMethod.GET,
            "/v1/bookings?requestId="
                + UriUtils.encodeQueryParam(request.requestId(), StandardCharsets.UTF_8),
            null);
    return observed("lookup", () -> bookingLookup(exchange, call(exchange)));
  }

  /**
   * One supplier operation, retries included, as the observation {@code reservas.external.call}:
   * the same timer as Stripe's ({@code dependency="supplier"}, {@code operation}, {@code outcome}
   * answered, refused or unavailable) and a span around its HTTP attempts.
   */
  private <T> T observed(String operation, Supplier<T> call) {
    Observation observation =
        Observation.createNotStarted(EXTERNAL_CALL, observations)
            .contextualName("supplier " + operation)
            .lowCardinalityKeyValue("dependency", "supplier")
            .lowCardinalityKeyValue("operation", operation);
    return observation.observe(
        () -> {
          try {
            T answer = call.get();
            observation.lowCardinalityKeyValue("outcome", "answered");
            return answer;
          } catch (SupplierRequestRefusedException e) {
            observation.lowCardinalityKeyValue("outcome", "refused");
            throw e;
          } catch (RuntimeException e) {
            observation.lowCardinalityKeyValue("outcome", "unavailable");
            throw e;
          }
        });
  }

  private BookingLookup bookingLookup(Exchange exchange, Reply reply) {
    BookingList found = reply.status() == 200 ? read(reply, BookingList.class) : null;
    if (found == null || found.bookings() == null) {
      throw refused(exchange, reply);
    }
    Optional<String> held =
        found.bookings().stream()
            .filter(booking -> !"CANCELLED".equals(booking.status()))
            .map(BookingReply::bookingReference)
            .filter(Objects::nonNull)
            .findFirst();
    return new BookingLookup(held, reply.calls());
  }

  private BookingAnswer bookingAnswer(Exchange exchange, Reply reply) {
    if (reply.status() == 201 || reply.status() == 200) {
      BookingReply booking = read(reply, BookingReply.class);
      if (booking != null && booking.bookingReference() != null) {
        return new BookingAnswer.Confirmed(booking.bookingReference(), reply.calls());
      }
    } else if (reply.status() == 422) {
      ErrorReply rejection = read(reply, ErrorReply.class);
      if (rejection != null && rejection.reason() != null) {
        return new BookingAnswer.Rejected(rejection.reason(), rejection.message(), reply.calls());
      }
    }
    throw refused(exchange, reply);
  }

  private CancellationAnswer cancellationAnswer(
      Exchange exchange, Reply reply, CancellationRequest request) {
    if (reply.status() == 200) {
      BookingReply booking = read(reply, BookingReply.class);
      String reference =
          booking != null && booking.bookingReference() != null
              ? booking.bookingReference()
              : request.bookingReference();
      return new CancellationAnswer(reference, reply.calls());
    }
    throw refused(exchange, reply);
  }

  private SupplierRequestRefusedException refused(Exchange exchange, Reply reply) {
    ErrorReply error = read(reply, ErrorReply.class);
    String reason = error == null ? null : error.reason();
    String message =
        "The supplier refused "
            + exchange.operation()
            + " "
            + exchange.requestId()
            + ": "
            + reply.status()
            + (reason == null ? "" : " " + reason)
            + (error == null || error.message() == null ? "" : " (" + error.message() + ")");
    return new SupplierRequestRefusedException(reply.status(), reason, message, reply.calls());
  }

  private <T> T read(Reply reply, Class<T> type) {
    if (reply.body() == null || reply.body().isBlank()) {
      return null;
    }
    try {
      return json.readValue(reply.body(), type);
    } catch (JacksonException e) {
      return null;
    }
  }

  /**
   * The operation through the resilience policy, blocking here at the adapter's edge: the listener
   * thread waits, as the port promises. Its calls travel with the reply or the failure.
   */
  private Reply call(Exchange exchange) {
    List<HttpExchange> calls = new CopyOnWriteArrayList<>();
    Answer answer;
    try {
      answer = resilience.await(Mono.defer(() -> attempt(exchange, calls)));
    } catch (RuntimeException failure) {
      if (TransientSupplierFailure.isTransient(failure)
          || failure instanceof CallNotPermittedException) {
        throw unavailable(exchange, failure, calls);
      }
      throw failure;
    } catch (Exception failure) {
      throw unavailable(exchange, failure, calls);
    }
    return new Reply(answer.status(), answer.body(), List.copyOf(calls));
  }

  private SupplierUnavailableException unavailable(
      Exchange exchange, Throwable failure, List<HttpExchange> calls) {
    String what = exchange.operation() + " " + exchange.requestId();
    String message =
        failure instanceof CallNotPermittedException
            ? "The supplier's circuit breaker is open; " + what + " not attempted"
            : what + " failed after " + calls.size() + " attempt(s): " + describe(failure);
    return new SupplierUnavailableException(message, List.copyOf(calls), failure);
  }

  /**
   * One HTTP exchange, recorded whatever happens: answered, failed without an answer, or cut short
   * by the time limiter (which cancels it).
   */
  private Mono<Answer> attempt(Exchange exchange, List<HttpExchange> calls) {
    Instant startedAt = clock.instant();
    long started = System.nanoTime();
    AtomicBoolean recorded = new AtomicBoolean();
    BiConsumer<Integer, String> recordOnce =
        (status, body) -> {
          if (recorded.compareAndSet(false, true)) {
            calls.add(record(exchange, status, body, startedAt, started));
          }
        };
    WebClient.RequestBodySpec request =
        webClient
            .method(exchange.method())
            .uri(URI.create(baseUrl + exchange.path()))
            .accept(MediaType.APPLICATION_JSON);
    WebClient.RequestHeadersSpec<?> ready =
        exchange.body() == null
            ? request
            : request.contentType(MediaType.APPLICATION_JSON).bodyValue(exchange.body());
    return ready
        .exchangeToMono(
            response ->
                response
                    .bodyToMono(String.class)
                    .defaultIfEmpty("")
                    .map(body -> new Answer(response.statusCode().value(), body)))
        .doOnNext(answer -> recordOnce.accept(answer.status(), answer.body()))
        .doOnCancel(() -> recordOnce.accept(HttpExchange.NO_RESPONSE, "no answer in time"))
        .onErrorMap(
            WebClientSupplierGateway::isTransportFailure,
            failure -> {
              String what = "no answer: " + describe(failure);
              recordOnce.accept(HttpExchange.NO_RESPONSE, what);
              return new TransientSupplierFailure(what, failure);
            })
        .flatMap(
            answer ->
                TransientSupplierFailure.isTransientStatus(answer.status())
                    ? Mono.error(new TransientSupplierFailure("answered " + answer.status(), null))
                    : Mono.just(answer))
        .doOnError(
            failure ->
                log.debug(
                    "{} {} attempt failed: {}",
                    exchange.operation(),
                    exchange.requestId(),
                    failure.getMessage()));
  }

  private static boolean isTransportFailure(Throwable failure) {
    return failure instanceof WebClientRequestException
        || failure instanceof IOException
        || failure.getCause() instanceof IOException;
  }

  private static String describe(Throwable failure) {
    if (failure instanceof TimeoutException) {
      return "no answer in time";
    }
    if (failure instanceof TransientSupplierFailure) {
      return failure.getMessage();
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  /** The masked audit record of one attempt (consumer-support's recorder masks and truncates). */
  private HttpExchange record(
      Exchange exchange, int status, String responseBody, Instant startedAt, long started) {
    return recorder.mask(
        new HttpExchange(
            exchange.operation(),
            exchange.requestId(),
            exchange.method().name(),
            baseUrl + exchange.path(),
            exchange.body(),
            status,
            responseBody == null || responseBody.isEmpty() ? null : responseBody,
            startedAt,
            Duration.ofNanos(System.nanoTime() - started)));
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** One supplier request, the same on every attempt; {@code body} is null for a read. */
  private record Exchange(
      String operation, String requestId, HttpMethod method, String path, String body) {}

  /** What one attempt got back. */
  private record Answer(int status, String body) {}

  /** The answer the operation ended with, and every call made to get it. */
  private record Reply(int status, String body, List<HttpExchange> calls) {}
}
