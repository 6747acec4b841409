package com.reservas.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML documents as plain maps and lists (SnakeYAML, safe constructor), with typed accessors. */
final class Yamls {

  private Yamls() {}

  /** Every non-empty document of a (multi-document) YAML file. */
  static List<Object> loadAll(Path file) {
    return loadAllText(Repository.read(file));
  }

  static List<Object> loadAllText(String text) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Object> documents = new ArrayList<>();
    for (Object document : yaml.loadAll(text)) {
      if (document != null) {
        documents.add(document);
      }
    }
    return documents;
  }

  /** The only document of a YAML file, as a map. */
  static Map<String, Object> loadMap(Path file) {
    List<Object> documents = loadAll(file);
    if (documents.size() != 1) {
      throw new IllegalArgumentException(file + ": expected one document, got " + documents.size());
    }
    return map(documents.get(0));
  }

  /** The value as a map; an absent value is an empty map. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    if (value == null) {
      return new LinkedHashMap<>();
    }
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("expected a mapping, got " + describe(value));
    }
    return (Map<String, Object>) value;
  }

  /** The value as a list; an absent value is an empty list. */
  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    if (value == null) {
      return new ArrayList<>();
    }
    if (!(value instanceof List)) {
      throw new IllegalArgumentException("expected a sequence, got " + describe(value));
    }
    return (List<Object>) value;
  }

  /** The nested mapping at {@code keys}; absent levels give an empty map. */
  static Map<String, Object> at(Map<String, Object> root, String... keys) {
    Map<String, Object> current = root;
    for (String key : keys) {
      current = map(current.get(key));
    }
    return current;
  }

  /** A scalar as text (numbers and booleans in their YAML spelling), or null. */
  static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  /** Maps of maps and lists copied deeply, so that patches never touch the parsed originals. */
  static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> source) {
      Map<String, Object> copy = new LinkedHashMap<>();
      source.forEach((key, item) -> copy.put(String.valueOf(key), deepCopy(item)));
      return copy;
    }
    if (value instanceof List<?> source) {
      List<Object> copy = new ArrayList<>();
      source.forEach(item -> copy.add(deepCopy(item)));
      return copy;
    }
    return value;
  }

  private static String describe(Object value) {
    return value.getClass().getSimpleName() + " " + value;
  }
}
