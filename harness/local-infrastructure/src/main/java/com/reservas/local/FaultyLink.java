package com.reservas.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link between the services and a server (the database, the broker) that the fault-injection
 * suite can degrade: every byte goes through it, and on command it adds latency to each chunk,
 * holds all traffic (a partition: nothing is lost, nothing arrives, connections stay open until the
 * peers' own timeouts give up) or resets every open connection (RST, as a failing middlebox does).
 * Bound to 127.0.0.1 only.
 *
 * <p>Controlled over HTTP on its own port: {@code POST /latency?millis=N}, {@code POST /partition},
 * {@code POST /reset}, {@code POST /heal} (no latency, no partition); {@code GET /} tells the
 * state.
 */
public final class FaultyLink implements AutoCloseable {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final int targetPort;
  private final ServerSocket listener;
  private final HttpServer control;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile long latencyMillis;
  private volatile boolean partitioned;
  private volatile boolean closed;

  private FaultyLink(int listenPort, int targetPort, int controlPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(listenPort, 200, LOOPBACK);
    this.control = HttpServer.create(new InetSocketAddress(LOOPBACK, controlPort), 0);
    control.createContext("/", this::command);
  }

  /** Listens on {@code listenPort} for the server at {@code targetPort}, controlled on its own. */
  public static FaultyLink start(int listenPort, int targetPort, int controlPort) {
    try {
      FaultyLink link = new FaultyLink(listenPort, targetPort, controlPort);
      link.control.start();
      daemon("faulty-link-accept-" + listenPort, link::accept);
      return link;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + listenPort + " or " + controlPort, e);
    }
  }

  public void latency(long millis) {
    latencyMillis = millis;
  }

  public synchronized void partition() {
    partitioned = true;
  }

  /** Ends latency and partition; held traffic flows again. */
  public synchronized void heal() {
    latencyMillis = 0;
    partitioned = false;
    notifyAll();
  }

  /** Holds the calling pump while the link is partitioned (until healed or closed). */
  private synchronized void awaitConnected() throws InterruptedException {
    while (partitioned && !closed) {
      wait();
    }
  }

  /** Resets every open connection: both peers see "connection reset" and must reconnect. */
  public void reset() {
    for (Socket socket : open) {
      abort(socket);
    }
  }

  /** A one-line description of the link and its fault. */
  public String state() {
    return "127.0.0.1:%d -> 127.0.0.1:%d, %d connections, latency %d ms%s"
        .formatted(
            listener.getLocalPort(),
            targetPort,
            open.size() / 2,
            latencyMillis,
            partitioned ? ", partitioned" : "");
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    control.stop(0);
    try {
      listener.close();
    } catch (IOException e) {
      // Closing anyway.
    }
    reset();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(LOOPBACK, targetPort);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        open.add(client);
        open.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        if (closed) {
          return;
        }
        // The server is down (the suite may have killed it): the client sees its connection
        // closed and retries, as it would without the link.
      }
    }
  }

  private void pump(Socket from, Socket to) {
    daemon(
        "faulty-link-" + from.getPort() + "-" + to.getPort(),
        () -> {
          byte[] buffer = new byte[16 * 1024];
          try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
              awaitConnected();
              long delay = latencyMillis;
              if (delay > 0) {
                Thread.sleep(delay);
              }
              out.write(buffer, 0, read);
              out.flush();
            }
            close(from, to);
          } catch (IOException e) {
            abort(from);
            abort(to);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort(from);
            abort(to);
          } finally {
            open.remove(from);
            open.remove(to);
          }
        });
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void close(Socket... sockets) {
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing anyway.
      }
    }
  }

  private static void abort(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
      socket.close();
    } catch (SocketException e) {
      // Already closed.
    } catch (IOException e) {
      // Closing anyway.
    }
  }

  private void command(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getQuery();
    int status = 200;
    if ("POST".equals(exchange.getRequestMethod())) {
      switch (path) {
        case "/latency" ->
            latency(Long.parseLong(query == null ? "0" : query.replace("millis=", "")));
        case "/partition" -> partition();
        case "/reset" -> reset();
        case "/heal" -> heal();
        default -> status = 404;
      }
    }
    byte[] body = (state() + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
