package com.reservas.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The test renderer of kustomizations: its patch semantics, and agreement with kubectl's. */
class KustomizeRenderingTest {

  static Stream<Path> kustomizations() {
    return Stream.of(Manifests.BASE, Manifests.PROD);
  }

  /**
   * When kubectl is installed (it is not required), its built-in Kustomize renders the same
   * resources as the test renderer, so the other tests check what a cluster would receive.
   */
  @ParameterizedTest
  @MethodSource("kustomizations")
  void rendersWhatKubectlKustomizeRenders(Path directory) throws Exception {
    Path kubectl = kubectl();
    assumeTrue(kubectl != null, "kubectl is not installed: cross-check skipped");
    Process process =
        new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
            .redirectErrorStream(false)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(errors).isZero();
    List<Object> rendered = Yamls.loadAllText(new String(output, StandardCharsets.UTF_8));

    assertThat(canonical(rendered))
        .isEqualTo(canonical(new ArrayList<>(Kustomize.build(directory))));
  }

  @Test
  void strategicMergeMergesNamedListsAndReplacesOthers() {
    Map<String, Object> target =
        Yamls.map(
            Yamls.loadAllText(
                    """
                    spec:
                      containers:
                        - name: app
                          image: a:1
                          env: [{name: A, value: "1"}, {name: B, value: "2"}]
                          args: [x, y]
                          volumeMounts: [{name: tmp, mountPath: /tmp}]
                    """)
                .get(0));
    Map<String, Object> patch =
        Yamls.map(
            Yamls.loadAllText(
                    """
                    spec:
                      containers:
                        - name: app
                          env: [{name: B, value: "3"}, {name: C, value: "4"}]
                          args: [z]
                          volumeMounts: [{name: tls, mountPath: /etc/tls}]
                    """)
                .get(0));
    Kustomize.merge(target, patch);
    Map<String, Object> container =
        Yamls.map(Yamls.list(Yamls.at(target, "spec").get("containers")).get(0));
    assertThat(container.get("image")).isEqualTo("a:1");
    assertThat(container.get("env"))
        .isEqualTo(
            List.of(
                Map.of("name", "A", "value", "1"),
                Map.of("name", "B", "value", "3"),
                Map.of("name", "C", "value", "4")));
    assertThat(container.get("args")).isEqualTo(List.of("z"));
    assertThat(Yamls.list(container.get("volumeMounts"))).hasSize(2);
  }

  @Test
  void jsonPatchReplacesAddsAndRemoves() {
    Map<String, Object> document =
        Yamls.map(Yamls.loadAllText("spec: {ports: [{name: http, port: 80}], a: 1}").get(0));
    Kustomize.JsonPatch.apply(
        document,
        Map.of(
            "op",
            "replace",
            "path",
            "/spec/ports/0",
            "value",
            Map.of("name", "https", "port", 443)));
    Kustomize.JsonPatch.apply(
        document, Map.of("op", "add", "path", "/spec/ports/-", "value", Map.of("port", 8)));
    Kustomize.JsonPatch.apply(document, Map.of("op", "remove", "path", "/spec/a"));
    assertThat(Yamls.at(document, "spec"))
        .isEqualTo(
            Map.of("ports", List.of(Map.of("name", "https", "port", 443), Map.of("port", 8))));
    assertThatThrownBy(
            () ->
                Kustomize.JsonPatch.apply(
                    document, Map.of("op", "replace", "path", "/spec/b", "value", 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Path kubectl() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String directory : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory, "kubectl");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Resources keyed by kind/name, maps sorted, lists of named items sorted by name. */
  private static Map<String, Object> canonical(List<?> resources) {
    Map<String, Object> byId = new TreeMap<>();
    for (Object resource : resources) {
      Map<String, Object> map = Yamls.map(resource);
      byId.put(map.get("kind") + "/" + Manifests.name(map), canonicalValue(map));
    }
    return byId;
  }

  private static Object canonicalValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), canonicalValue(v)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>();
      list.forEach(item -> items.add(canonicalValue(item)));
      if (items.stream().allMatch(i -> i instanceof Map<?, ?> m && m.containsKey("name"))) {
        items.sort(Comparator.comparing(i -> String.valueOf(((Map<?, ?>) i).get("name"))));
      }
      return items;
    }
    return value;
  }
}
