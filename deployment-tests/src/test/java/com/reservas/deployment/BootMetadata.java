package com.reservas.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Boot's own configuration properties, from the {@code
 * META-INF/spring-configuration-metadata.json} of the Boot modules on the test class path.
 */
final class BootMetadata {

  /** One documented property; map-typed ones accept any key below their name. */
  record Property(String name, String type) {
    boolean isMap() {
      return type != null && type.startsWith("java.util.Map");
    }
  }

  private static final List<Property> PROPERTIES = load();

  private BootMetadata() {}

  static List<Property> properties() {
    return PROPERTIES;
  }

  private static List<Property> load() {
    JsonMapper mapper = JsonMapper.builder().build();
    List<Property> properties = new ArrayList<>();
    try {
      for (URL url :
          Collections.list(
              BootMetadata.class
                  .getClassLoader()
                  .getResources("META-INF/spring-configuration-metadata.json"))) {
        try (InputStream in = url.openStream()) {
          JsonNode root = mapper.readTree(in);
          for (JsonNode property : root.path("properties")) {
            properties.add(
                new Property(
                    property.path("name").asString(),
                    property.path("type").isMissingNode()
                        ? null
                        : property.path("type").asString()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (properties.isEmpty()) {
      throw new IllegalStateException("no Spring Boot configuration metadata on the class path");
    }
    return List.copyOf(properties);
  }
}
