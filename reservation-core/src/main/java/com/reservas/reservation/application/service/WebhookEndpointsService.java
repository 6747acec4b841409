package com.reservas.reservation.application.service;

import com.reservas.reservation.application.port.in.FieldError;
import com.reservas.reservation.application.port.in.WebhookEndpointsUseCase;
import com.reservas.reservation.application.port.out.HostResolver;
import com.reservas.reservation.application.port.out.WebhookDeliveryStore;
import com.reservas.reservation.application.port.out.WebhookDeliveryStore.Attempt;
import com.reservas.reservation.application.port.out.WebhookEndpointStore;
import com.reservas.reservation.domain.webhook.ForbiddenAddresses;
import com.reservas.reservation.domain.webhook.WebhookEndpoint;
import com.reservas.reservation.domain.webhook.WebhookEvents;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers webhook endpoints: checks the URL (https, and no name or literal that reaches the
 * platform's own network, see {@link ForbiddenAddresses}), issues the secret, keeps a client to
 * {@code maxEndpointsPerClient}.
 */
public final class WebhookEndpointsService implements WebhookEndpointsUseCase {

  /** Random bytes of a secret, before base64url. */
  static final int SECRET_BYTES = 32;

  static final String SECRET_PREFIX = "whsec_";

  private static final int MAX_URL_LENGTH = 2048;
  private static final int RECENT_ATTEMPTS = 50;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookEndpointStore endpoints;
  private final WebhookDeliveryStore deliveries;
  private final HostResolver resolver;
  private final Clock clock;
  private final int maxEndpointsPerClient;
  private final boolean allowLocalHttp;

  /**
   * @param allowLocalHttp also accept {@code http://127.0.0.1:<port>} and {@code
   *     http://localhost:<port>} (the {@code local} profile only)
   */
  public WebhookEndpointsService(
      WebhookEndpointStore endpoints,
      WebhookDeliveryStore deliveries,
      HostResolver resolver,
      Clock clock,
      int maxEndpointsPerClient,
      boolean allowLocalHttp) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.resolver = resolver;
    this.clock = clock;
    this.maxEndpointsPerClient = maxEndpointsPerClient;
    this.allowLocalHttp = allowLocalHttp;
  }

  @Override
  public Mono<Registration> register(
      String clientId, String url, List<String> events, List<FieldError> structural) {
    List<FieldError> errors = new ArrayList<>(structural);
    boolean eventsNamed = structural.stream().noneMatch(e -> e.field().equals("events"));
    List<String> types = eventsNamed ? checkEvents(events, errors) : List.of();
    boolean urlNamed = structural.stream().noneMatch(e -> e.field().equals("url"));
    Mono<Optional<FieldError>> urlCheck =
        urlNamed ? checkUrl(url) : Mono.just(Optional.<FieldError>empty());
    return urlCheck.flatMap(
        urlError -> {
          urlError.ifPresent(errors::add);
          if (!errors.isEmpty()) {
            return Mono.just(new Invalid(errors));
          }
          WebhookEndpoint endpoint =
              new WebhookEndpoint(
                  UUID.randomUUID().toString(), clientId, url, types, true, clock.instant());
          String secret = newSecret();
          return endpoints
              .insert(endpoint, secret, maxEndpointsPerClient)
              .map(
                  stored ->
                      stored
                          ? new Registered(endpoint, secret)
                          : new LimitReached(maxEndpointsPerClient));
        });
  }

  @Override
  public Flux<WebhookEndpoint> list(String clientId) {
    return endpoints.listOf(clientId);
  }

  @Override
  public Mono<Boolean> delete(String clientId, String id) {
    return endpoints.delete(clientId, id);
  }

  @Override
  public Mono<List<Attempt>> deliveries(String clientId, String id) {
    return endpoints
        .find(clientId, id)
        .flatMap(found -> deliveries.recentAttempts(found.id(), RECENT_ATTEMPTS).collectList());
  }

  @Override
  public Mono<Boolean> redeliver(String clientId, String id, String eventId) {
    return endpoints
        .find(clientId, id)
        .flatMap(found -> deliveries.redeliver(found.id(), eventId, clock.instant()))
        .defaultIfEmpty(false);
  }

  static String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    RANDOM.nextBytes(bytes);
    return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static List<String> checkEvents(List<String> events, List<FieldError> errors) {
    if (events == null || events.isEmpty()) {
      errors.add(new FieldError("events", "must name at least one event type"));
      return List.of();
    }
    LinkedHashSet<String> types = new LinkedHashSet<>();
    for (int i = 0; i < events.size(); i++) {
      String type = events.get(i);
      if (type == null || !WebhookEvents.ALL.contains(type)) {
        errors.add(
            new FieldError(
                "events[" + i + "]",
                "must be one of "
                    + String.join(", ", WebhookEvents.ALL.stream().sorted().toList())));
      } else {
        types.add(type);
      }
    }
    return List.copyOf(types);
  }

  /** The URL's error, if any: syntax first, then where its host resolves. */
  private Mono<Optional<FieldError>> checkUrl(String url) {
    if (url == null || url.isBlank()) {
      return invalid("must not be blank");
    }
    if (url.length() > MAX_URL_LENGTH) {
      return invalid("must be at most " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return invalid("must be an absolute https URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (!uri.isAbsolute() || host == null || uri.isOpaque()) {
      return invalid("must be an absolute https URL");
    }
    if (uri.getRawUserInfo() != null) {
      return invalid("must not contain credentials");
    }
    if (uri.getRawFragment() != null) {
      return invalid("must not contain a fragment");
    }
    if (isLocalReceiver(scheme, host, uri.getPort())) {
      return Mono.just(Optional.empty());
    }
    if (!scheme.equals("https")) {
      return invalid("must use https");
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return resolver
        .resolve(bare)
        .map(
            addresses ->
                addresses.stream().anyMatch(ForbiddenAddresses::isForbidden)
                    ? Optional.of(
                        new FieldError(
                            "url",
                            "must not reach a loopback, private, link-local or metadata address"))
                    : Optional.<FieldError>empty());
  }

  /** The local profile's receivers: plain http to this machine, on an explicit port. */
  static boolean isLocalReceiver(String scheme, String host, int port, boolean allowed) {
    return allowed
        && scheme.equals("http")
        && port > 0
        && (host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost"));
  }

  private boolean isLocalReceiver(String scheme, String host, int port) {
    return isLocalReceiver(scheme, host, port, allowLocalHttp);
  }

  private static Mono<Optional<FieldError>> invalid(String message) {
    return Mono.just(Optional.of(new FieldError("url", message)));
  }
}
