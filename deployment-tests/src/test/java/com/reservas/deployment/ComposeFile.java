package com.reservas.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml parsed, with Compose's variable interpolation applied as {@code docker
 * compose} would without a .env file (every {@code ${VAR:-default}} takes its default).
 */
final class ComposeFile {

  /** {@code $$}, or {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, ... */
  private static final Pattern INTERPOLATION =
      Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");

  /** A variable the file interpolates, with its default ({@code null} when it has none). */
  record Variable(String name, String operator, String defaultValue) {}

  private final Map<String, Object> raw;
  private final Map<String, Object> interpolated;
  private final List<Variable> variables;

  private ComposeFile(
      Map<String, Object> raw, Map<String, Object> interpolated, List<Variable> variables) {
    this.raw = raw;
    this.interpolated = interpolated;
    this.variables = variables;
  }

  static ComposeFile load() {
    return load("docker-compose.yml");
  }

  /** A compose file of the repository, e.g. an override file used with {@code -f}. */
  static ComposeFile load(String path) {
    Map<String, Object> raw = Yamls.loadMap(Repository.path(path));
    List<Variable> variables = new ArrayList<>();
    Map<String, Object> interpolated = Yamls.map(interpolate(Yamls.deepCopy(raw), variables));
    return new ComposeFile(raw, interpolated, variables);
  }

  private static Object interpolate(Object value, List<Variable> variables) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> result = new LinkedHashMap<>();
      map.forEach((k, v) -> result.put(String.valueOf(k), interpolate(v, variables)));
      return result;
    }
    if (value instanceof List<?> list) {
      List<Object> result = new ArrayList<>();
      list.forEach(item -> result.add(interpolate(item, variables)));
      return result;
    }
    if (value instanceof String text) {
      Matcher matcher = INTERPOLATION.matcher(text);
      StringBuilder out = new StringBuilder();
      while (matcher.find()) {
        String replacement;
        if (matcher.group().equals("$$")) {
          replacement = "$";
        } else {
          Variable variable = new Variable(matcher.group(1), matcher.group(2), matcher.group(3));
          variables.add(variable);
          replacement =
              variable.operator() != null && variable.operator().endsWith("-")
                  ? variable.defaultValue()
                  : "";
        }
        matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
      }
      matcher.appendTail(out);
      return out.toString();
    }
    return value;
  }

  Map<String, Object> raw() {
    return raw;
  }

  List<Variable> variables() {
    return variables;
  }

  Set<String> serviceNames() {
    return new TreeSet<>(services().keySet());
  }

  Map<String, Object> services() {
    return Yamls.map(interpolated.get("services"));
  }

  Map<String, Object> service(String name) {
    Object service = services().get(name);
    if (service == null) {
      throw new IllegalArgumentException("no compose service " + name);
    }
    return Yamls.map(service);
  }

  Map<String, Object> volumes() {
    return Yamls.map(interpolated.get("volumes"));
  }

  /** The service's environment, interpolated, in either Compose form (map or KEY=VALUE list). */
  Map<String, String> environment(String name) {
    Object environment = service(name).get("environment");
    Map<String, String> result = new LinkedHashMap<>();
    if (environment instanceof List<?> list) {
      for (Object entry : list) {
        String text = String.valueOf(entry);
        int equals = text.indexOf('=');
        result.put(
            equals < 0 ? text : text.substring(0, equals),
            equals < 0 ? null : text.substring(equals + 1));
      }
    } else {
      Yamls.map(environment).forEach((key, value) -> result.put(key, Yamls.text(value)));
    }
    return result;
  }

  /** A published port "host_ip:host_port:container_port" split into its parts. */
  record PublishedPort(String hostIp, String hostPort, int containerPort) {}

  List<PublishedPort> ports(String name) {
    List<PublishedPort> result = new ArrayList<>();
    for (Object port : Yamls.list(service(name).get("ports"))) {
      if (!(port instanceof String text)) {
        throw new IllegalArgumentException(
            name + ": port " + port + " is not in the short string form");
      }
      String[] parts = text.split(":");
      if (parts.length != 3) {
        result.add(new PublishedPort(null, parts[0], Integer.parseInt(parts[parts.length - 1])));
      } else {
        result.add(
            new PublishedPort(parts[0], parts[1], Integer.parseInt(parts[2].replace("/tcp", ""))));
      }
    }
    return result;
  }

  /** The healthcheck's test command as one string ("CMD-SHELL x" / "CMD a b" / plain string). */
  String healthcheck(String name) {
    Object test = Yamls.map(service(name).get("healthcheck")).get("test");
    if (test == null) {
      return null;
    }
    if (test instanceof List<?> list) {
      return String.join(" ", list.stream().map(String::valueOf).toList());
    }
    return String.valueOf(test);
  }

  /** depends_on in its long form: service name to condition. */
  Map<String, String> dependsOn(String name) {
    Object dependsOn = service(name).get("depends_on");
    Map<String, String> result = new LinkedHashMap<>();
    if (dependsOn instanceof List<?> list) {
      list.forEach(entry -> result.put(String.valueOf(entry), "service_started"));
    } else {
      Yamls.map(dependsOn)
          .forEach((key, value) -> result.put(key, Yamls.text(Yamls.map(value).get("condition"))));
    }
    return result;
  }
}
