package com.reservas.supplier.simulator.http;

import com.reservas.supplier.simulator.fault.FailureMode;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;

/**
 * One log line per supplier API exchange, with masked bodies, so that a demo or a failing test
 * shows what the supplier was asked and what it answered. Uses {@link System.Logger}: plain JDK
 * logging when run on its own, and the host's logging when embedded in an application that bridges
 * it (as Spring Boot does). Logger name: {@code com.reservas.supplier.simulator.http.ExchangeLog}.
 */
final class ExchangeLog {

  private static final Logger LOG = System.getLogger(ExchangeLog.class.getName());

  private final PayloadMasking masking;

  ExchangeLog(PayloadMasking masking) {
    this.masking = masking;
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
                  masking.mask(requestBody),
                  masking.mask(reply.body())));
    }
  }

  void failed(
      String method, String uri, String requestBody, FailureMode failure, long startedNanos) {
    if (LOG.isLoggable(Level.INFO)) {
      LOG.log(
          Level.INFO,
          "%s %s -> injected %s after %d ms; request=%s"
              .formatted(
                  method, uri, failure, millisSince(startedNanos), masking.mask(requestBody)));
    }
  }

  void broke(String method, String uri, Throwable bug) {
    LOG.log(Level.ERROR, method + " " + uri + " failed unexpectedly", bug);
  }

  private static long millisSince(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }
}
