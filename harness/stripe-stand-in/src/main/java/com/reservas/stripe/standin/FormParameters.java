package com.reservas.stripe.standin;

import com.reservas.privacy.PersonalDataMasker;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parameters of one Stripe API request, read the way Stripe reads them: {@code
 * application/x-www-form-urlencoded} pairs whose keys nest with brackets ({@code
 * metadata[reservation_code]}, {@code payment_method_types[0]}, {@code expand[]}).
 */
final class FormParameters {

  /** Parameters that never carry personal data or secrets: a log line shows them as they are. */
  private static final Set<String> HARMLESS =
      Set.of(
          "amount",
          "amount_to_capture",
          "currency",
          "capture_method",
          "confirm",
          "cancellation_reason",
          "reason",
          "payment_intent",
          "charge");

  private final List<Map.Entry<String, String>> pairs;

  private FormParameters(List<Map.Entry<String, String>> pairs) {
    this.pairs = List.copyOf(pairs);
  }

  /** Parses an encoded query string or form body; {@code null} or blank gives no parameters. */
  static FormParameters parse(String encoded) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    if (encoded != null && !encoded.isBlank()) {
      for (String pair : encoded.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        pairs.add(Map.entry(key, value));
      }
    }
    return new FormParameters(pairs);
  }

  /** These parameters followed by {@code later}'s (a body after a query string). */
  FormParameters and(FormParameters later) {
    List<Map.Entry<String, String>> all = new ArrayList<>(pairs);
    all.addAll(later.pairs);
    return new FormParameters(all);
  }

  /** The last value given for {@code name}; an empty value counts as absent, as in Stripe. */
  Optional<String> get(String name) {
    String found = null;
    for (Map.Entry<String, String> pair : pairs) {
      if (pair.getKey().equals(name)) {
        found = pair.getValue();
      }
    }
    return Optional.ofNullable(found).filter(value -> !value.isEmpty());
  }

  /** {@code name} as an integer, or a Stripe {@code parameter_invalid_integer} error. */
  OptionalLong getLong(String name) {
    Optional<String> value = get(name);
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.get()));
    } catch (NumberFormatException e) {
      throw StripeApiError.invalidRequest(
          "Invalid integer: " + value.get(), name, "parameter_invalid_integer");
    }
  }

  /** {@code name} as a boolean, or a Stripe {@code parameter_invalid_boolean}-like error. */
  boolean getBoolean(String name) {
    Optional<String> value = get(name);
    if (value.isEmpty()) {
      return false;
    }
    return switch (value.get()) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw StripeApiError.invalidRequest(
              "Invalid boolean: " + value.get(), name, "parameter_invalid_boolean");
    };
  }

  /**
   * The entries nested one level under {@code prefix}: for {@code metadata[a]=1} and prefix {@code
   * metadata}, {@code {a=1}}. Empty values are dropped, as Stripe drops them on create.
   */
  Map<String, String> nested(String prefix) {
    Map<String, String> nested = new LinkedHashMap<>();
    String start = prefix + "[";
    for (Map.Entry<String, String> pair : pairs) {
      String key = pair.getKey();
      if (isDirectChild(key, start)) {
        String inner = key.substring(start.length(), key.length() - 1);
        if (pair.getValue().isEmpty()) {
          nested.remove(inner);
        } else {
          nested.put(inner, pair.getValue());
        }
      }
    }
    return nested;
  }

  /** The values of a list parameter, {@code name[0]=a&name[1]=b} or {@code name[]=a}, in order. */
  List<String> list(String name) {
    String start = name + "[";
    return pairs.stream()
        .filter(pair -> isDirectChild(pair.getKey(), start) && !pair.getValue().isEmpty())
        .map(Map.Entry::getValue)
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * A canonical text of every pair, independent of their order, to decide whether two requests
   * carry the same parameters.
   */
  String fingerprint() {
    return pairs.stream()
        .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(valueOrder()))
        .map(pair -> pair.getKey() + "=" + pair.getValue())
        .collect(Collectors.joining("&"));
  }

  /**
   * The pairs for a log line: only the harmless ones in clear (PCI-DSS and personal data: payment
   * tokens, metadata and descriptions may hold anything), masked by the project's one masker.
   */
  String masked(PersonalDataMasker masker) {
    return masker.maskParameters(pairs, FormParameters::isHarmless);
  }

  private static boolean isHarmless(String key) {
    return HARMLESS.contains(key)
        || key.startsWith("payment_method_types[")
        || key.startsWith("expand[");
  }

  private static boolean isDirectChild(String key, String start) {
    return key.startsWith(start) && key.endsWith("]") && key.indexOf('[', start.length()) < 0;
  }

  private static Comparator<Map.Entry<String, String>> valueOrder() {
    return Map.Entry.comparingByValue();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw StripeApiError.invalidRequest("Invalid form encoding: " + e.getMessage(), null, null);
    }
  }
}
