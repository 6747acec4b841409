package com.reservas.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks ports before anything starts, so a clash is reported by name, not as a stack trace. */
final class Ports {
  private Ports() {}

  /** A server of the platform: what it is, the setting that names its port, and the port. */
  record Listener(String what, String setting, int port) {}

  /** No two listeners are given the same port. */
  static void requireDistinct(List<Listener> listeners) {
    Map<Integer, Listener> byPort = new HashMap<>();
    for (Listener listener : listeners) {
      Listener first = byPort.putIfAbsent(listener.port(), listener);
      if (first != null) {
        throw new PlatformStartException(
            "Port "
                + listener.port()
                + " is given to both the "
                + first.what()
                + " ("
                + first.setting()
                + ") and the "
                + listener.what()
                + " ("
                + listener.setting()
                + "). Give each its own port.");
      }
    }
  }

  static void requireFree(Listener listener) {
    try (ServerSocket socket =
        new ServerSocket(listener.port(), 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new PlatformStartException(
          "Port "
              + listener.port()
              + " is in use ("
              + listener.what()
              + "). Set "
              + listener.setting()
              + " to use another port.");
    }
  }
}
