package com.reservas.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * A service's configuration files read the way the service reads them (Spring Boot's YAML loader
 * and relaxed binding), to check the environment variables a deployment sets.
 */
final class ServiceConfiguration {

  /** {@code ${NAME}} or {@code ${NAME:default}} with an environment-variable style name. */
  private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

  private final SpringService service;
  private final List<PropertySource<?>> base;
  private final Map<String, List<PropertySource<?>>> profiles;
  private final Set<String> keys;
  private final Set<String> placeholders;

  private ServiceConfiguration(
      SpringService service,
      List<PropertySource<?>> base,
      Map<String, List<PropertySource<?>>> profiles,
      Set<String> keys,
      Set<String> placeholders) {
    this.service = service;
    this.base = base;
    this.profiles = profiles;
    this.keys = keys;
    this.placeholders = placeholders;
  }

  static ServiceConfiguration of(SpringService service) {
    Path resources = Repository.path(service.module() + "/src/main/resources");
    Path baseFile = resources.resolve(service.configName() + ".yml");
    if (!Files.isRegularFile(baseFile)) {
      throw new IllegalStateException("missing " + baseFile);
    }
    List<PropertySource<?>> base = load(baseFile);
    Map<String, List<PropertySource<?>>> profiles = new LinkedHashMap<>();
    String prefix = service.configName() + "-";
    try (Stream<Path> files = Files.list(resources)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(prefix) && name.endsWith(".yml")) {
          profiles.put(name.substring(prefix.length(), name.length() - 4), load(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> keys = new TreeSet<>();
    Set<String> placeholders = new TreeSet<>();
    Stream.concat(base.stream(), profiles.values().stream().flatMap(List::stream))
        .forEach(
            source -> {
              for (String key : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                keys.add(key);
                Matcher matcher = ENV_PLACEHOLDER.matcher(String.valueOf(source.getProperty(key)));
                while (matcher.find()) {
                  placeholders.add(matcher.group(1));
                }
              }
            });
    for (SpringService.VerifiedProperty extra : service.extraProperties()) {
      if (extra.sourceFile() != null
          && !Repository.read(extra.sourceFile()).contains(extra.evidence())) {
        throw new IllegalStateException(
            extra.name() + ": " + extra.sourceFile() + " no longer contains " + extra.evidence());
      }
      keys.add(extra.name());
    }
    return new ServiceConfiguration(service, base, profiles, keys, placeholders);
  }

  private static List<PropertySource<?>> load(Path file) {
    try {
      return new YamlPropertySourceLoader()
          .load(file.getFileName().toString(), new FileSystemResource(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SpringService service() {
    return service;
  }

  Set<String> profileNames() {
    return profiles.keySet();
  }

  /** Property keys of the service's yml files (every profile), plus the verified extras. */
  Set<String> keys() {
    return keys;
  }

  /** Environment variables the yml files read directly ({@code ${STRIPE_SECRET_KEY:...}}). */
  Set<String> placeholders() {
    return placeholders;
  }

  /**
   * The service's environment as it would be at run time with {@code variables} set: the variables,
   * then the active profiles' files (from SPRING_PROFILES_ACTIVE), then the base file; placeholders
   * resolved, relaxed binding on.
   */
  ConfigurableEnvironment environment(Map<String, String> variables) {
    ConfigurableEnvironment environment = emptyEnvironment();
    MutablePropertySources sources = environment.getPropertySources();
    sources.addLast(
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new LinkedHashMap<>(variables)));
    ConfigurationPropertySources.attach(environment);
    String active = environment.getProperty("spring.profiles.active", "");
    List<String> activeProfiles =
        new ArrayList<>(
            Arrays.stream(active.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList());
    // The last active profile wins: its file goes first.
    java.util.Collections.reverse(activeProfiles);
    for (String profile : activeProfiles) {
      profiles.getOrDefault(profile, List.of()).forEach(sources::addLast);
    }
    base.forEach(sources::addLast);
    ConfigurationPropertySources.attach(environment);
    return environment;
  }

  /** The active profiles that have a file of their own. */
  List<String> knownProfiles(Map<String, String> variables) {
    String active = environment(variables).getProperty("spring.profiles.active", "");
    return Arrays.stream(active.split(","))
        .map(String::strip)
        .filter(profiles::containsKey)
        .toList();
  }

  /**
   * What an environment variable sets for this service: a key of its yml files or of its verified
   * extras, an environment placeholder of its yml files, or (for SPRING_* and SERVER_* variables) a
   * documented Spring Boot property of a family the service configures. Empty if nothing.
   */
  Optional<String> target(String variable) {
    if (placeholders.contains(variable)) {
      return Optional.of("${" + variable + "}");
    }
    ConfigurableEnvironment single = emptyEnvironment();
    SystemEnvironmentPropertySource source =
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "value"));
    single.getPropertySources().addLast(source);
    ConfigurationPropertySources.attach(single);
    // Binder (not Environment.getProperty): only the mapping @ConfigurationProperties binding uses.
    Binder binder = Binder.get(single);
    for (String key : keys) {
      if (ConfigurationPropertyName.isValid(key) && binder.bind(key, String.class).isBound()) {
        return Optional.of(key);
      }
    }
    if (!variable.startsWith("SPRING_") && !variable.startsWith("SERVER_")) {
      return Optional.empty();
    }
    Set<ConfigurationPropertyName> names = new LinkedHashSet<>();
    for (ConfigurationPropertySource configurationSource :
        ConfigurationPropertySources.from(source)) {
      if (configurationSource instanceof IterableConfigurationPropertySource iterable) {
        iterable.stream().forEach(names::add);
      }
    }
    for (BootMetadata.Property property : BootMetadata.properties()) {
      if (!ConfigurationPropertyName.isValid(property.name())
          || !inConfiguredFamily(property.name())) {
        continue;
      }
      if (property.isMap()) {
        ConfigurationPropertyName mapName = ConfigurationPropertyName.of(property.name());
        if (names.stream().anyMatch(mapName::isAncestorOf)) {
          return Optional.of(property.name() + ".*");
        }
      } else if (binder.bind(property.name(), String.class).isBound()) {
        return Optional.of(property.name());
      }
    }
    return Optional.empty();
  }

  /**
   * Spring Boot properties a deployment may set: SSL (bundles, server TLS) for any service, and
   * otherwise only a family (the first two segments, e.g. spring.kafka) the service's yml already
   * configures — a service without spring.r2dbc keys gets no SPRING_R2DBC_* variable.
   */
  private boolean inConfiguredFamily(String property) {
    if (property.startsWith("spring.ssl.") || property.startsWith("server.ssl.")) {
      return true;
    }
    String[] segments = property.split("\\.");
    if (segments.length < 2) {
      return false;
    }
    String family = segments[0] + "." + segments[1] + ".";
    return keys.stream().anyMatch(key -> key.startsWith(family));
  }

  /**
   * An environment without the JVM's own system properties and variables. Variables are added as a
   * source named "systemEnvironment": Spring Boot applies its environment-variable mapping
   * (RESERVAS_RELAY_DATABASE_SERVER_ID to reservas.relay.database.server-id) to that name only.
   */
  private static ConfigurableEnvironment emptyEnvironment() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    return environment;
  }
}
