package com.reservas.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metric names that {@code deploy/observability/} (the Grafana dashboard and the Prometheus
 * alerting rules) query, read from their PromQL expressions, and the names a Prometheus scrape
 * offers: what must exist for a panel or an alert not to stay silent for good.
 */
final class ObservabilityAssets {

  static final Path DIRECTORY = Path.of("..", "deploy", "observability");
  static final Path DASHBOARD = DIRECTORY.resolve("grafana-saga-overview.json");
  static final Path RULES = DIRECTORY.resolve("prometheus-rules.yml");

  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "inf",
          "nan");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private ObservabilityAssets() {}

  /** The metric names one PromQL expression selects (not its functions, labels or keywords). */
  static Set<String> metricNames(String promQl) {
    String bare = STRING.matcher(promQl).replaceAll(" ");
    bare = MATCHERS.matcher(bare).replaceAll(" ");
    bare = RANGES.matcher(bare).replaceAll(" ");
    bare = GROUPING.matcher(bare).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher identifier = IDENTIFIER.matcher(bare);
    while (identifier.find()) {
      String name = identifier.group();
      boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
      boolean numberPart =
          identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
      if (!function && !numberPart && !KEYWORDS.contains(name.toLowerCase())) {
        names.add(name);
      }
    }
    return names;
  }

  /** Every {@code expr} of the dashboard's panels. */
  static List<String> dashboardExpressions() {
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : JsonMapper.builder().build().readTree(read(DASHBOARD)).path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        expressions.add(target.path("expr").asString());
      }
    }
    return expressions;
  }

  /** Every {@code expr} of the alerting rules. */
  @SuppressWarnings("unchecked")
  static List<String> ruleExpressions() {
    Map<String, Object> file = new Yaml().load(read(RULES));
    List<String> expressions = new ArrayList<>();
    for (Object group : (List<Object>) file.get("groups")) {
      for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
        expressions.add(String.valueOf(((Map<String, Object>) rule).get("expr")));
      }
    }
    return expressions;
  }

  /** The metric names the dashboard and the rules use. */
  static Set<String> usedMetricNames() {
    Set<String> names = new TreeSet<>();
    dashboardExpressions().forEach(expression -> names.addAll(metricNames(expression)));
    ruleExpressions().forEach(expression -> names.addAll(metricNames(expression)));
    return names;
  }

  /** The names of the samples of a scrape in Prometheus' text format. */
  static Set<String> scrapedNames(String scrape) {
    Set<String> names = new TreeSet<>();
    for (String line : scrape.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher name = IDENTIFIER.matcher(line);
      if (name.lookingAt()) {
        names.add(name.group());
      }
    }
    return names;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
