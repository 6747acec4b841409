package com.reservas.starter.web;

import com.reservas.privacy.PersonalDataMasker;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The {@code instance} of a problem document, which must never echo what the client put in the path
 * (a card number typed where a reservation code belongs, an e-mail address): the route template
 * when the request was routed ({@code /api/v1/reservations/{code}}, braces percent-encoded as a URI
 * requires), otherwise the path with every piece of personal data or card number masked by the
 * privacy module.
 */
public final class ProblemInstance {

  private static final PersonalDataMasker MASKER = PersonalDataMasker.standard();

  private ProblemInstance() {}

  /** The route template of the exchange, or its masked path. */
  public static URI of(ServerWebExchange exchange) {
    Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (pattern instanceof PathPattern template) {
      return path(template.getPatternString());
    }
    return masked(exchange.getRequest().getPath().pathWithinApplication().value());
  }

  /** A raw (percent-encoded) path with its personal data and card numbers masked. */
  public static URI masked(String rawPath) {
    String decoded = UriUtils.decode(rawPath, StandardCharsets.UTF_8);
    String masked = MASKER.maskText(decoded);
    return path(StringUtils.hasText(masked) ? masked : "/");
  }

  private static URI path(String path) {
    try {
      return new URI(null, null, path, null);
    } catch (URISyntaxException e) {
      return URI.create("/");
    }
  }
}
