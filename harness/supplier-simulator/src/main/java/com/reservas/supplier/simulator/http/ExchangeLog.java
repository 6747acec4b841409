package com.reservas.supplier.simulator.http;

import com.reservas.privacy.PersonalDataMasker;
import com.reservas.supplier.simulator.fault.FailureMode;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One log line per supplier API exchange, with masked bodies, so that a demo or a failing test
 * shows what the supplier was asked and what it answered. Uses {@link System.Logger}: plain JDK
 * logging when run on its own, and the host's logging when embedded in an application that bridges
 * it (as Spring Boot does). Logger name: {@code com.reservas.supplier.simulator.http.ExchangeLog}.
 */
final class ExchangeLog {

  private static final Logger LOG = System.getLogger(ExchangeLog.class.getName());

  private final JsonMapper json;
  private final PersonalDataMasker masker = PersonalDataMasker.standard();

  ExchangeLog(JsonMapper json) {
    this.json = json;
  }

  void answered(String method, String uri, String requestBody, Reply reply, long startedNanos) {
    if (LOG.isLoggable(Level.INFO)) {
      LOG.log(
          Level.INFO,
          "%s %s -> %d in %d ms; request=%s; response=%s"
              .formatted(
                  method,
                  uri,
                  reply.status().code(),
                  millisSince(startedNanos),
                  masked(requestBody),
                  masked(reply.body())));
    }
  }

  void failed(
      String method, String uri, String requestBody, FailureMode failure, long startedNanos) {
    if (LOG.isLoggable(Level.INFO)) {
      LOG.log(
          Level.INFO,
          "%s %s -> injected %s after %d ms; request=%s"
              .formatted(method, uri, failure, millisSince(startedNanos), masked(requestBody)));
    }
  }

  void broke(String method, String uri, Throwable bug) {
    LOG.log(Level.ERROR, method + " " + uri + " failed unexpectedly", bug);
  }

  /**
   * A body fit for a log line, masked by the project's one masker (drivers' names become initials,
   * and any e-mail, phone, card or token is masked too). A body that is not JSON is not shown at
   * all: the supplier API speaks only JSON, so it is not known what such a body holds.
   */
  String masked(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      json.readTree(body);
    } catch (JacksonException notJson) {
      return "<body that is not JSON, " + body.length() + " characters, not shown>";
    }
    return masker.maskText(body);
  }

  private static long millisSince(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }
}
