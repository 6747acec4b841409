package com.reservas.standin.kit;

import com.reservas.standin.kit.fault.FaultedExchanges;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * The HTTP server of a stand-in: started and stopped by its owner (a test, the local platform, its
 * own {@code main}) any number of times, on its own two daemon event-loop threads so that it never
 * competes with the event loops of the services it stands in for, and never keeps a JVM alive. A
 * stop lets go of the requests its {@link FaultedExchanges} hold on purpose first, so it never
 * waits for an injected timeout.
 */
public final class StandInServer {

  private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final Duration stopTimeout;
  private final FaultedExchanges faulted;
  private DisposableServer server;
  private LoopResources loops;

  /**
   * @param name what the stand-in is called in logs and errors, e.g. "Stripe stand-in"
   * @param stopTimeout how long a stop waits for requests in flight
   * @param faulted the stand-in's delayed and held requests: armed at start, let go at stop
   */
  public StandInServer(String name, Duration stopTimeout, FaultedExchanges faulted) {
    this.name = name;
    this.stopTimeout = stopTimeout;
    this.faulted = faulted;
  }

  /**
   * Starts serving {@code handler} on {@code host}; returns the bound port (any free one for 0).
   */
  public synchronized int start(
      String host,
      int port,
      BiFunction<? super HttpServerRequest, ? super HttpServerResponse, ? extends Publisher<Void>>
          handler) {
    if (server != null) {
      throw new IllegalStateException("The " + name + " already listens on " + baseUrl());
    }
    faulted.open();
    loops = LoopResources.create(name.toLowerCase(Locale.ROOT).replace(' ', '-'), 2, true);
    try {
      server =
          HttpServer.create()
              .host(host)
              .port(port)
              .runOn(loops)
              .handle(handler)
              .bindNow(BIND_TIMEOUT);
    } catch (RuntimeException e) {
      loops.dispose();
      loops = null;
      throw e;
    }
    log().info("{} listening on {}", name, baseUrl());
    return server.port();
  }

  /** Stops serving, letting go of held and delayed requests first; does nothing if not running. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    faulted.releaseHeld();
    try {
      server.disposeNow(stopTimeout);
    } catch (IllegalStateException timedOut) {
      log().warn("{} did not stop within {}", name, stopTimeout);
    } finally {
      loops.disposeLater(Duration.ZERO, stopTimeout).block(stopTimeout);
      server = null;
      loops = null;
      log().info("{} stopped", name);
    }
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /** The bound port; only while running. */
  public synchronized int port() {
    return running().port();
  }

  /**
   * {@code http://host:port}, to configure a client with (the loopback address when bound to every
   * interface); only while running.
   */
  public synchronized String baseUrl() {
    DisposableServer running = running();
    String host = running.host();
    boolean wildcard =
        "0.0.0.0".equals(host) || "::".equals(host) || "0:0:0:0:0:0:0:0".equals(host);
    return "http://" + (wildcard ? "127.0.0.1" : host) + ":" + running.port();
  }

  /** Blocks until the server is stopped (a {@code main} that runs the stand-in alone). */
  public void awaitStop() {
    DisposableServer running;
    synchronized (this) {
      running = server;
    }
    if (running != null) {
      running.onDispose().block();
    }
  }

  private DisposableServer running() {
    if (server == null) {
      throw new IllegalStateException("The " + name + " is not running");
    }
    return server;
  }

  /** Looked up on use, so that a stand-in's {@code main} can choose the logging first. */
  private static Logger log() {
    return LoggerFactory.getLogger(StandInServer.class);
  }
}
