package com.reservas.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A small Kustomize: enough of {@code kubectl kustomize} to render this repository's base and
 * overlays without the tool (resources, namespace, images, strategic-merge patches including {@code
 * $patch: delete}, JSON 6902 patches). Anything else in a kustomization fails loudly rather than
 * being ignored. When kubectl is installed, {@code KustomizeRenderingTest} checks that both
 * renderings agree.
 */
final class Kustomize {

  private static final Set<String> SUPPORTED =
      Set.of("apiVersion", "kind", "namespace", "resources", "patches", "images");

  /** Merge keys of the lists this repository patches (as Kubernetes' strategic merge uses them). */
  private static final Map<String, String> MERGE_KEYS =
      Map.of(
          "containers", "name",
          "initContainers", "name",
          "env", "name",
          "envFrom", "",
          "volumes", "name",
          "volumeMounts", "mountPath",
          "imagePullSecrets", "name");

  private Kustomize() {}

  /** The files (resources and patches) a kustomization names, resolved; directories as given. */
  static Set<Path> referencedPaths(Path directory) {
    Map<String, Object> kustomization = kustomization(directory);
    Set<Path> paths = new LinkedHashSet<>();
    for (Object resource : Yamls.list(kustomization.get("resources"))) {
      paths.add(directory.resolve(String.valueOf(resource)).normalize());
    }
    for (Object patch : Yamls.list(kustomization.get("patches"))) {
      paths.add(directory.resolve(String.valueOf(Yamls.map(patch).get("path"))).normalize());
    }
    return paths;
  }

  static Map<String, Object> kustomization(Path directory) {
    Map<String, Object> kustomization = Yamls.loadMap(directory.resolve("kustomization.yaml"));
    for (String key : kustomization.keySet()) {
      if (!SUPPORTED.contains(key)) {
        throw new IllegalArgumentException(
            directory + "/kustomization.yaml: '" + key + "' is not supported by the test renderer");
      }
    }
    return kustomization;
  }

  /** The rendered resources of the kustomization in {@code directory}. */
  static List<Map<String, Object>> build(Path directory) {
    Map<String, Object> kustomization = kustomization(directory);
    List<Map<String, Object>> resources = new ArrayList<>();
    for (Object entry : Yamls.list(kustomization.get("resources"))) {
      Path path = directory.resolve(String.valueOf(entry)).normalize();
      if (Files.isDirectory(path)) {
        resources.addAll(build(path));
      } else {
        for (Object document : Yamls.loadAll(path)) {
          resources.add(Yamls.map(Yamls.deepCopy(document)));
        }
      }
    }
    for (Object entry : Yamls.list(kustomization.get("patches"))) {
      Map<String, Object> patch = Yamls.map(entry);
      Path path = directory.resolve(String.valueOf(patch.get("path"))).normalize();
      List<Object> documents = Yamls.loadAll(path);
      if (documents.size() == 1 && documents.get(0) instanceof List<?>) {
        Map<String, Object> target = Yamls.map(patch.get("target"));
        Map<String, Object> resource = single(resources, target, path);
        for (Object operation : Yamls.list(documents.get(0))) {
          JsonPatch.apply(resource, Yamls.map(operation));
        }
      } else {
        for (Object document : documents) {
          Map<String, Object> smp = Yamls.map(Yamls.deepCopy(document));
          Map<String, Object> target =
              Map.of(
                  "kind", smp.get("kind"),
                  "name", Yamls.at(smp, "metadata").get("name"),
                  "apiVersion", smp.get("apiVersion"));
          Map<String, Object> resource = single(resources, target, path);
          if ("delete".equals(smp.get("$patch"))) {
            resources.remove(resource);
          } else {
            merge(resource, smp);
          }
        }
      }
    }
    for (Object entry : Yamls.list(kustomization.get("images"))) {
      Map<String, Object> image = Yamls.map(entry);
      resources.forEach(resource -> replaceImage(resource, image));
    }
    Object namespace = kustomization.get("namespace");
    if (namespace != null) {
      for (Map<String, Object> resource : resources) {
        if (!"Namespace".equals(resource.get("kind"))) {
          Yamls.map(resource.computeIfAbsent("metadata", k -> new java.util.LinkedHashMap<>()))
              .put("namespace", namespace);
        }
      }
    }
    return resources;
  }

  private static Map<String, Object> single(
      List<Map<String, Object>> resources, Map<String, Object> target, Path patch) {
    List<Map<String, Object>> matches =
        resources.stream().filter(resource -> matches(resource, target)).toList();
    if (matches.size() != 1) {
      throw new IllegalArgumentException(
          patch + ": target " + target + " matches " + matches.size() + " resources");
    }
    return matches.get(0);
  }

  private static boolean matches(Map<String, Object> resource, Map<String, Object> target) {
    String apiVersion = String.valueOf(resource.get("apiVersion"));
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    return (target.get("kind") == null || target.get("kind").equals(resource.get("kind")))
        && (target.get("name") == null
            || target.get("name").equals(Yamls.at(resource, "metadata").get("name")))
        && (target.get("apiVersion") == null || target.get("apiVersion").equals(apiVersion))
        && (target.get("group") == null || target.get("group").equals(group))
        && (target.get("version") == null || target.get("version").equals(version));
  }

  /** Strategic merge of {@code patch} into {@code target} (maps merged, keyed lists merged). */
  static void merge(Map<String, Object> target, Map<String, Object> patch) {
    for (Map.Entry<String, Object> entry : patch.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      if (key.startsWith("$")) {
        throw new IllegalArgumentException("unsupported patch directive " + key);
      }
      Object existing = target.get(key);
      if (value == null) {
        target.remove(key);
      } else if (existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
        merge(Yamls.map(existing), Yamls.map(value));
      } else if (existing instanceof List<?>
          && value instanceof List<?>
          && mergeKey(key, value) != null) {
        mergeList(Yamls.list(existing), Yamls.list(value), mergeKey(key, value));
      } else {
        target.put(key, Yamls.deepCopy(value));
      }
    }
  }

  private static String mergeKey(String field, Object patchList) {
    if (field.equals("ports")) {
      boolean containerPorts =
          Yamls.list(patchList).stream()
              .allMatch(item -> Yamls.map(item).containsKey("containerPort"));
      return containerPorts ? "containerPort" : "port";
    }
    String key = MERGE_KEYS.get(field);
    return key == null || key.isEmpty() ? null : key;
  }

  private static void mergeList(List<Object> target, List<Object> patch, String mergeKey) {
    for (Object item : patch) {
      Map<String, Object> patchItem = Yamls.map(item);
      Object keyValue = patchItem.get(mergeKey);
      Map<String, Object> existing = null;
      for (Object candidate : target) {
        if (Objects.equals(Yamls.map(candidate).get(mergeKey), keyValue)) {
          existing = Yamls.map(candidate);
        }
      }
      if (existing == null) {
        target.add(Yamls.deepCopy(patchItem));
      } else {
        merge(existing, patchItem);
      }
    }
  }

  private static void replaceImage(Map<String, Object> resource, Map<String, Object> image) {
    Map<String, Object> podSpec = Yamls.at(resource, "spec", "template", "spec");
    for (String field : List.of("containers", "initContainers")) {
      for (Object entry : Yamls.list(podSpec.get(field))) {
        Map<String, Object> container = Yamls.map(entry);
        String reference = String.valueOf(container.get("image"));
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        String name = colon > slash ? reference.substring(0, colon) : reference;
        String tag = colon > slash ? reference.substring(colon + 1) : null;
        if (name.equals(image.get("name"))) {
          String newName =
              image.get("newName") == null ? name : String.valueOf(image.get("newName"));
          String newTag = image.get("newTag") == null ? tag : String.valueOf(image.get("newTag"));
          container.put("image", newTag == null ? newName : newName + ":" + newTag);
        }
      }
    }
  }

  /** RFC 6902 add, replace and remove. */
  static final class JsonPatch {

    private JsonPatch() {}

    static void apply(Map<String, Object> document, Map<String, Object> operation) {
      String op = String.valueOf(operation.get("op"));
      List<String> tokens = tokens(String.valueOf(operation.get("path")));
      Object parent = document;
      for (String token : tokens.subList(0, tokens.size() - 1)) {
        parent = child(parent, token);
      }
      String last = tokens.get(tokens.size() - 1);
      Object value = Yamls.deepCopy(operation.get("value"));
      switch (op) {
        case "add" -> {
          if (parent instanceof List<?>) {
            List<Object> list = Yamls.list(parent);
            list.add(last.equals("-") ? list.size() : Integer.parseInt(last), value);
          } else {
            Yamls.map(parent).put(last, value);
          }
        }
        case "replace" -> {
          if (parent instanceof List<?>) {
            Yamls.list(parent).set(Integer.parseInt(last), value);
          } else {
            requirePresent(Yamls.map(parent), last, operation);
            Yamls.map(parent).put(last, value);
          }
        }
        case "remove" -> {
          if (parent instanceof List<?>) {
            Yamls.list(parent).remove(Integer.parseInt(last));
          } else {
            requirePresent(Yamls.map(parent), last, operation);
            Yamls.map(parent).remove(last);
          }
        }
        default -> throw new IllegalArgumentException("unsupported JSON patch operation " + op);
      }
    }

    private static void requirePresent(
        Map<String, Object> parent, String key, Map<String, Object> operation) {
      if (!parent.containsKey(key)) {
        throw new IllegalArgumentException("path of " + operation + " does not exist");
      }
    }

    private static Object child(Object parent, String token) {
      Object child =
          parent instanceof List<?> list
              ? list.get(Integer.parseInt(token))
              : Yamls.map(parent).get(token);
      if (child == null) {
        throw new IllegalArgumentException("path element '" + token + "' does not exist");
      }
      return child;
    }

    private static List<String> tokens(String path) {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("JSON pointer must start with /: " + path);
      }
      List<String> tokens = new ArrayList<>();
      for (String token : path.substring(1).split("/", -1)) {
        tokens.add(token.replace("~1", "/").replace("~0", "~"));
      }
      return tokens;
    }
  }
}
