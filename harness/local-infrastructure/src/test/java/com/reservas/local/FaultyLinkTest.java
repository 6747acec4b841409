package com.reservas.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The link of the fault-injection suite, in front of a small echo server. */
class FaultyLinkTest {

  private ServerSocket echo;
  private FaultyLink link;
  private int linkPort;
  private int controlPort;

  @BeforeEach
  void start() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread server = new Thread(this::echoEverything, "echo");
    server.setDaemon(true);
    server.start();
    // Both chosen while the first is still bound, so they differ.
    try (ServerSocket first = new ServerSocket(0);
        ServerSocket second = new ServerSocket(0)) {
      linkPort = first.getLocalPort();
      controlPort = second.getLocalPort();
    }
    link = FaultyLink.start(linkPort, echo.getLocalPort(), controlPort);
  }

  @AfterEach
  void stop() throws IOException {
    link.close();
    echo.close();
  }

  @Test
  void bytesGoThroughBothWays() throws IOException {
    try (Socket client = connect()) {
      assertThat(roundTrip(client, "hello")).isEqualTo("hello");
    }
  }

  @Test
  void latencyDelaysEveryChunk() throws Exception {
    command("/latency?millis=300");
    try (Socket client = connect()) {
      long start = System.nanoTime();
      assertThat(roundTrip(client, "slow")).isEqualTo("slow");
      // One chunk each way: at least twice the latency.
      assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(600);
    }
  }

  @Test
  void aPartitionHoldsTheTrafficUntilHealed() throws Exception {
    try (Socket client = connect()) {
      command("/partition");
      client.setSoTimeout(500);
      client.getOutputStream().write("held".getBytes());
      assertThatThrownBy(() -> client.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);

      command("/heal");
      client.setSoTimeout(5_000);
      assertThat(new String(client.getInputStream().readNBytes(4))).isEqualTo("held");
    }
  }

  @Test
  void aResetBreaksEveryOpenConnectionAndNewOnesWork() throws Exception {
    try (Socket client = connect()) {
      roundTrip(client, "before");
      command("/reset");
      client.setSoTimeout(5_000);
      assertThatThrownBy(() -> roundTrip(client, "after")).isInstanceOf(IOException.class);
    }
    try (Socket again = connect()) {
      assertThat(roundTrip(again, "again")).isEqualTo("again");
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), linkPort);
    socket.setSoTimeout(5_000);
    return socket;
  }

  private static String roundTrip(Socket client, String text) throws IOException {
    client.getOutputStream().write(text.getBytes());
    byte[] answer = client.getInputStream().readNBytes(text.length());
    if (answer.length < text.length()) {
      throw new SocketException("closed after " + answer.length + " bytes");
    }
    return new String(answer);
  }

  private void command(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort + path))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  private void echoEverything() {
    while (!echo.isClosed()) {
      try {
        Socket socket = echo.accept();
        Thread copy =
            new Thread(
                () -> {
                  try (socket;
                      InputStream in = socket.getInputStream();
                      OutputStream out = socket.getOutputStream()) {
                    in.transferTo(out);
                  } catch (IOException e) {
                    // The peer went away.
                  }
                });
        copy.setDaemon(true);
        copy.start();
      } catch (IOException e) {
        return;
      }
    }
  }
}
