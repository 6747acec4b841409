package com.reservas.deployment;

import java.util.List;
import java.util.Map;

/**
 * The fields of KEDA's {@code keda.sh/v1alpha1} {@code ScaledObject} this repository uses, typed
 * (fabric8 has no model for KEDA): read with unknown fields refused, so a typo or a field at the
 * wrong level fails the manifest tests as it would fail {@code kubectl apply}.
 */
record KedaScaledObject(String apiVersion, String kind, Metadata metadata, Spec spec) {

  record Metadata(String name, String namespace, Map<String, String> labels) {}

  record Spec(
      ScaleTargetRef scaleTargetRef,
      Integer minReplicaCount,
      Integer maxReplicaCount,
      Integer pollingInterval,
      Integer cooldownPeriod,
      List<Trigger> triggers) {}

  record ScaleTargetRef(String apiVersion, String kind, String name) {}

  /** A trigger; a Kafka trigger's {@code metadata} values are all strings, as KEDA requires. */
  record Trigger(String type, Map<String, String> metadata) {}
}
