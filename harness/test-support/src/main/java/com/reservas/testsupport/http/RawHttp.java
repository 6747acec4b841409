package com.reservas.testsupport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client that sends the request target exactly as given: no normalisation, no
 * re-encoding. Java's and Spring's clients clean up paths such as {@code /./admin} or {@code
 * /%61dmin} before they leave, which is precisely what a test of path-spelling tricks must not do.
 */
public final class RawHttp {

  private final String host;
  private final int port;

  public RawHttp(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** One answer: status, headers (lower-case names, first value) and body as text. */
  public record Response(int status, Map<String, String> headers, String body) {

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String contentType() {
      String type = header("content-type");
      return type == null ? "" : type;
    }

    /**
     * Refused the way a protected route must refuse a request it does not serve: 400, 401, 403 or
     * 404 as problem+json (never a 200, never a 5xx, never an empty or HTML body).
     */
    public boolean refused() {
      return (status == 400 || status == 401 || status == 403 || status == 404)
          && contentType().startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status
          + " "
          + contentType()
          + " "
          + (body.length() > 160 ? body.substring(0, 160) + "…" : body);
    }
  }

  /** Sends {@code method target} with the given headers and an optional body. */
  public Response send(String method, String target, Map<String, String> headers, String body) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 5_000);
      socket.setSoTimeout(30_000);
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder request = new StringBuilder();
      request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      request.append("Host: ").append(host).append(':').append(port).append("\r\n");
      request.append("Connection: close\r\n");
      headers.forEach(
          (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      if (body != null || !"GET".equals(method)) {
        request.append("Content-Length: ").append(content.length).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return parse(readUntilClosed(socket));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + target, e);
    }
  }

  public Response get(String target, Map<String, String> headers) {
    return send("GET", target, headers, null);
  }

  /**
   * Everything the server sent. A server that answers before reading the whole body (a refusal) may
   * reset the connection once the answer is out; what arrived before the reset is the answer.
   */
  private static byte[] readUntilClosed(Socket socket) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int read;
      while ((read = socket.getInputStream().read(buffer)) >= 0) {
        received.write(buffer, 0, read);
      }
    } catch (java.net.SocketException reset) {
      if (received.size() == 0) {
        throw reset;
      }
    }
    return received.toByteArray();
  }

  private static Response parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IllegalStateException("No complete HTTP answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.putIfAbsent(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Response(status, headers, body);
  }

  private static String dechunk(String chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
    int i = 0;
    while (i < bytes.length) {
      int lineEnd = indexOf(bytes, i);
      if (lineEnd < 0) {
        break;
      }
      String sizeText = new String(bytes, i, lineEnd - i, StandardCharsets.ISO_8859_1).strip();
      int semicolon = sizeText.indexOf(';');
      int size = Integer.parseInt(semicolon < 0 ? sizeText : sizeText.substring(0, semicolon), 16);
      if (size == 0) {
        break;
      }
      out.write(bytes, lineEnd + 2, Math.min(size, bytes.length - lineEnd - 2));
      i = lineEnd + 2 + size + 2;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
