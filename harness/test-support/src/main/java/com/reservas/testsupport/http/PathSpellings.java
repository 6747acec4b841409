package com.reservas.testsupport.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ways one path can be spelled to slip past a security check that compares strings instead of
 * deciding on what is routed: percent-encoded letters (lower- and upper-case hex, upper-case
 * letters), encoded and doubled slashes, dot segments, matrix parameters ({@code ;x}), trailing
 * slashes, double encoding and backslashes. Each spelling either reaches the same handler as the
 * canonical path (so it must meet the same authorization decision) or must be refused.
 */
public final class PathSpellings {

  private PathSpellings() {}

  /**
   * Spellings of {@code path} (which starts with {@code /} and may carry a query): the canonical
   * path first, then every variant.
   */
  public static List<String> of(String path) {
    String query = "";
    int q = path.indexOf('?');
    if (q >= 0) {
      query = path.substring(q);
      path = path.substring(0, q);
    }
    String[] segments = path.substring(1).split("/", -1);
    String first = segments[0];
    String rest = path.substring(1 + first.length());
    LinkedHashSet<String> spellings = new LinkedHashSet<>();
    spellings.add(path);
    spellings.add("/" + encodeFirst(first, false) + rest);
    spellings.add("/" + encodeFirst(first, true) + rest);
    spellings.add("/" + encodeFirst(first.toUpperCase(Locale.ROOT), true) + rest);
    spellings.add("/" + first.toUpperCase(Locale.ROOT) + rest);
    spellings.add("/" + encodeAll(first, false) + rest);
    spellings.add("/" + encodeAll(first, true) + rest);
    spellings.add("/%25" + hex(first.charAt(0), false).substring(1) + first.substring(1) + rest);
    spellings.add("/" + first + rest.replaceFirst("/", "%2F"));
    spellings.add("/" + first + rest.replaceFirst("/", "%2f"));
    spellings.add("/" + first + rest.replaceFirst("/", "//"));
    spellings.add("/" + first + rest.replaceFirst("/", "%5C"));
    spellings.add("//" + first + rest);
    spellings.add("/./" + first + rest);
    spellings.add("/%2e/" + first + rest);
    spellings.add("/" + first + "/./" + rest.substring(Math.min(1, rest.length())));
    spellings.add("/x/../" + first + rest);
    spellings.add("/" + first + ";x" + rest);
    spellings.add("/" + first + "%3Bx" + rest);
    spellings.add(path + ";x");
    spellings.add(path + "/");
    spellings.add(path + "%2F");
    spellings.add(path + "%00");
    List<String> withQuery = new ArrayList<>();
    for (String spelling : spellings) {
      withQuery.add(spelling + query);
    }
    return withQuery;
  }

  /**
   * Sends {@code method} to every spelling of {@code path} with {@code headers} (and {@code body}
   * as JSON when given) and returns a line for each answer that is not a problem+json refusal
   * ({@link RawHttp.Response#refused()}): empty when every spelling was refused.
   */
  public static List<String> notRefused(
      RawHttp http, String method, String path, Map<String, String> headers, String body) {
    List<String> served = new ArrayList<>();
    Map<String, String> sent = new LinkedHashMap<>(headers);
    if (body != null) {
      sent.put("Content-Type", "application/json");
    }
    for (String spelling : of(path)) {
      RawHttp.Response response = http.send(method, spelling, sent, body);
      if (!response.refused()) {
        served.add(method + " " + spelling + " -> " + response);
      }
    }
    return served;
  }

  private static String encodeFirst(String segment, boolean upperHex) {
    return hex(segment.charAt(0), upperHex) + segment.substring(1);
  }

  private static String encodeAll(String segment, boolean upperHex) {
    StringBuilder encoded = new StringBuilder();
    for (char c : segment.toCharArray()) {
      encoded.append(hex(c, upperHex));
    }
    return encoded.toString();
  }

  private static String hex(char c, boolean upper) {
    String hex = String.format("%%%02x", (int) c);
    return upper ? hex.toUpperCase(Locale.ROOT) : hex;
  }
}
