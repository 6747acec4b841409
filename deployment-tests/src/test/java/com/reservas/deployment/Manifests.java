package com.reservas.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A rendered kustomization (base or overlay) with lookups by kind and name. */
final class Manifests {

  static final Path BASE = Repository.path("deploy/k8s/base");
  static final Path PROD = Repository.path("deploy/k8s/overlays/prod");

  private final String label;
  private final List<Map<String, Object>> resources;

  Manifests(String label, List<Map<String, Object>> resources) {
    this.label = label;
    this.resources = resources;
  }

  static Manifests base() {
    return new Manifests("base", Kustomize.build(BASE));
  }

  static Manifests prod() {
    return new Manifests("prod", Kustomize.build(PROD));
  }

  @Override
  public String toString() {
    return label;
  }

  List<Map<String, Object>> all() {
    return resources;
  }

  List<Map<String, Object>> ofKind(String kind) {
    return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
  }

  Optional<Map<String, Object>> find(String kind, String name) {
    return ofKind(kind).stream().filter(r -> name.equals(name(r))).findFirst();
  }

  Map<String, Object> get(String kind, String name) {
    return find(kind, name)
        .orElseThrow(() -> new IllegalArgumentException(label + ": no " + kind + " " + name));
  }

  static String name(Map<String, Object> resource) {
    return String.valueOf(Yamls.at(resource, "metadata").get("name"));
  }

  static Map<String, Object> podSpec(Map<String, Object> deployment) {
    return Yamls.at(deployment, "spec", "template", "spec");
  }

  static List<Map<String, Object>> containers(Map<String, Object> deployment) {
    List<Map<String, Object>> containers = new ArrayList<>();
    Yamls.list(podSpec(deployment).get("containers")).forEach(c -> containers.add(Yamls.map(c)));
    return containers;
  }

  static Map<String, Object> container(Map<String, Object> deployment) {
    List<Map<String, Object>> containers = containers(deployment);
    if (containers.size() != 1) {
      throw new IllegalArgumentException(name(deployment) + ": expected one container");
    }
    return containers.get(0);
  }

  /** containerPort of a named (or numeric) port of the container. */
  static int containerPort(Map<String, Object> container, Object port) {
    if (port instanceof Integer number) {
      return number;
    }
    for (Object entry : Yamls.list(container.get("ports"))) {
      Map<String, Object> containerPort = Yamls.map(entry);
      if (String.valueOf(port).equals(containerPort.get("name"))) {
        return (Integer) containerPort.get("containerPort");
      }
    }
    throw new IllegalArgumentException("no container port named " + port);
  }

  /**
   * The container's environment as the application sees it: the envFrom ConfigMaps, then env
   * (literal values, and Secret values from the Secrets rendered here or "<secret>" when the Secret
   * is created out of band).
   */
  Map<String, String> environment(Map<String, Object> container) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (Object entry : Yamls.list(container.get("envFrom"))) {
      Map<String, Object> source = Yamls.map(entry);
      if (source.containsKey("configMapRef")) {
        String configMap = String.valueOf(Yamls.map(source.get("configMapRef")).get("name"));
        Yamls.at(get("ConfigMap", configMap), "data")
            .forEach((key, value) -> environment.put(key, Yamls.text(value)));
      } else {
        throw new IllegalArgumentException("only configMapRef is expected in envFrom: " + source);
      }
    }
    for (Object entry : Yamls.list(container.get("env"))) {
      Map<String, Object> variable = Yamls.map(entry);
      String name = String.valueOf(variable.get("name"));
      if (variable.containsKey("value")) {
        environment.put(name, Yamls.text(variable.get("value")));
      } else {
        Map<String, Object> secretRef = Yamls.at(variable, "valueFrom", "secretKeyRef");
        String secret = String.valueOf(secretRef.get("name"));
        Object value =
            find("Secret", secret)
                .map(s -> Yamls.at(s, "stringData").get(String.valueOf(secretRef.get("key"))))
                .orElse("<secret>");
        environment.put(name, Yamls.text(value));
      }
    }
    return environment;
  }
}
