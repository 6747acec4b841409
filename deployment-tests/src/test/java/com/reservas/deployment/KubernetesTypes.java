package com.reservas.deployment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schema check of rendered manifests without a cluster or kubeconform: each resource is read into
 * the typed Kubernetes API model (fabric8), which rejects wrong value types, and every field the
 * model does not know (a typo, a field at the wrong level) is reported.
 */
final class KubernetesTypes {

  private static final Map<String, Class<?>> TYPES =
      Map.of(
          "v1/Namespace", Namespace.class,
          "v1/ConfigMap", ConfigMap.class,
          "v1/Secret", Secret.class,
          "v1/Service", Service.class,
          "apps/v1/Deployment", Deployment.class,
          "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
          "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** KEDA's resources, read into {@link KedaScaledObject} refusing unknown fields. */
  private static final Map<String, Class<?>> STRICT_TYPES =
      Map.of("keda.sh/v1alpha1/ScaledObject", KedaScaledObject.class);

  private static final JsonMapper STRICT_MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private KubernetesTypes() {}

  /** Problems of one resource: unknown type, unreadable values, unknown fields. Empty if none. */
  static List<String> problems(Map<String, Object> resource) {
    String type = resource.get("apiVersion") + "/" + resource.get("kind");
    String name = type + " " + Yamls.at(resource, "metadata").get("name");
    Class<?> strict = STRICT_TYPES.get(type);
    if (strict != null) {
      try {
        STRICT_MAPPER.convertValue(resource, strict);
        return List.of();
      } catch (RuntimeException e) {
        return List.of(name + ": " + e.getMessage());
      }
    }
    Class<?> model = TYPES.get(type);
    if (model == null) {
      return List.of(name + ": no typed model known for " + type + " (add it to KubernetesTypes)");
    }
    Object typed;
    try {
      typed = MAPPER.convertValue(resource, model);
    } catch (RuntimeException e) {
      return List.of(name + ": " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    unknownFields(typed, name, problems);
    return problems;
  }

  private static void unknownFields(Object value, String path, List<String> problems) {
    if (value == null) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> unknownFields(item, path + "." + key, problems));
      return;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        unknownFields(list.get(i), path + "[" + i + "]", problems);
      }
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (Method method : value.getClass().getMethods()) {
      if (method.getParameterCount() != 0) {
        continue;
      }
      if (method.getName().equals("getAdditionalProperties")) {
        Object extra = invoke(method, value);
        if (extra instanceof Map<?, ?> fields && !fields.isEmpty()) {
          problems.add(path + ": unknown field(s) " + fields.keySet());
        }
      } else if (method.isAnnotationPresent(JsonProperty.class)) {
        unknownFields(
            invoke(method, value),
            path + "." + method.getAnnotation(JsonProperty.class).value(),
            problems);
      }
    }
  }

  private static Object invoke(Method method, Object target) {
    try {
      return method.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(method + ": " + e.getMessage(), e);
    }
  }
}
