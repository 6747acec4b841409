package com.reservas.deployment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Spring Boot services that are deployed. The compose service, the Kubernetes Deployment and
 * the Maven module carry the same name; each application loads {@code <configName>.yml} (and {@code
 * <configName>-<profile>.yml}) instead of application.yml.
 */
enum SpringService {
  RESERVATION_API(
      "reservation-api",
      "com.reservas.reservation.api.ReservationApiApplication",
      List.of(
          // Spring Boot's own keys that only deployments set (not in reservation-api.yml).
          VerifiedProperty.bootStandard("spring.profiles.active"))),
  OUTBOX_RELAY(
      "outbox-relay",
      "com.reservas.relay.OutboxRelayApplication",
      List.of(
          VerifiedProperty.bootStandard("spring.profiles.active"),
          // A record component of RelayProperties.Database with an empty default; not in the yml
          // on purpose (no password in the repository).
          new VerifiedProperty(
              "reservas.relay.database.password",
              "outbox-relay/src/main/java/com/reservas/relay/config/RelayProperties.java",
              "@NotNull @DefaultValue(\"\") String password"),
          // Debezium properties passed as they are (deploy/compose/secure-transport.yml).
          VerifiedProperty.debezium("database.ssl.mode"),
          VerifiedProperty.debezium("database.ssl.truststore"),
          VerifiedProperty.debezium("database.ssl.truststore.password"))),
  PAYMENT_CONSUMER(
      "payment-consumer",
      "com.reservas.payment.PaymentConsumerApplication",
      List.of(
          VerifiedProperty.bootStandard("spring.profiles.active"),
          VerifiedProperty.consumerSupportSchemaRegistry())),
  PROVIDER_CONSUMER(
      "provider-consumer",
      "com.reservas.provider.ProviderConsumerApplication",
      // provider-consumer.yml only shows it in a comment; consumer-support reads it.
      List.of(
          VerifiedProperty.bootStandard("spring.profiles.active"),
          VerifiedProperty.consumerSupportSchemaRegistry())),
  STATUS_PROJECTOR(
      "status-projector",
      "com.reservas.projector.StatusProjectorApplication",
      List.of(VerifiedProperty.bootStandard("spring.profiles.active"))),
  NOTIFICATION_DISPATCHER(
      "notification-dispatcher",
      "com.reservas.notification.NotificationDispatcherApplication",
      List.of(VerifiedProperty.bootStandard("spring.profiles.active")));

  private final String module;
  private final String mainClass;
  private final List<VerifiedProperty> extraProperties;

  SpringService(String module, String mainClass, List<VerifiedProperty> extraProperties) {
    this.module = module;
    this.mainClass = mainClass;
    this.extraProperties = extraProperties;
  }

  /** Module directory, compose service name, Deployment name and image name. */
  String module() {
    return module;
  }

  String configName() {
    return module;
  }

  String mainClass() {
    return mainClass;
  }

  String mainClassSource() {
    return module + "/src/main/java/" + mainClass.replace('.', '/') + ".java";
  }

  List<VerifiedProperty> extraProperties() {
    return extraProperties;
  }

  static Optional<SpringService> byName(String name) {
    return Arrays.stream(values()).filter(s -> s.module.equals(name)).findFirst();
  }

  /**
   * A property a service reads although its yml does not list it, with the source line that proves
   * it: the test fails if the source no longer says so.
   */
  record VerifiedProperty(String name, String sourceFile, String evidence) {

    static VerifiedProperty consumerSupportSchemaRegistry() {
      return new VerifiedProperty(
          "reservas.schema-registry.url",
          "consumer-support/src/main/java/com/reservas/consumer/support/"
              + "ConsumerSupportAutoConfiguration.java",
          "SchemaRegistries.URL_CONFIG");
    }

    static VerifiedProperty debezium(String debeziumProperty) {
      return new VerifiedProperty(
          "reservas.relay.engine.debezium." + debeziumProperty,
          "outbox-relay/src/main/java/com/reservas/relay/config/RelayProperties.java",
          "@NotNull @DefaultValue Map<String, String> debezium");
    }

    static VerifiedProperty bootStandard(String name) {
      return new VerifiedProperty(name, null, null);
    }
  }
}
