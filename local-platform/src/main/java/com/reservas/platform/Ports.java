package com.reservas.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Checks ports before anything starts, so a clash is reported by name, not as a stack trace. */
final class Ports {
  private Ports() {}

  static void requireFree(int port, String what, String setting) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new PlatformStartException(
          "Port " + port + " is in use (" + what + "). Set " + setting + " to use another port.");
    }
  }
}
