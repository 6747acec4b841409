package com.reservas.notification.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The hexagonal dependency rule of the notification dispatcher: the domain knows the JDK and the
 * core's webhook domain; the application layer adds the core's ports, consumer-support's
 * framework-free loop and Reactor; the inbound adapters do not know the outbound ones.
 */
class DependencyRuleTest {

  private static final JavaClasses DISPATCHER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.reservas.notification");

  @Test
  void theDomainDependsOnNothingButItselfTheCoresWebhookDomainAndTheJdk() {
    classes()
        .that()
        .resideInAPackage("com.reservas.notification.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "com.reservas.notification.domain..",
            "com.reservas.reservation.domain.webhook..",
            "java..")
        .check(DISPATCHER);
  }

  @Test
  void theApplicationLayerUsesNoFramework() {
    classes()
        .that()
        .resideInAPackage("com.reservas.notification.application..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "com.reservas.notification.application..",
            "com.reservas.notification.domain..",
            "com.reservas.reservation.domain..",
            "com.reservas.reservation.application.port.out..",
            "com.reservas.consumer.support.loop..",
            "reactor.core.publisher..",
            "reactor.util..",
            "java..")
        .check(DISPATCHER);
  }

  @Test
  void inboundAdaptersDoNotKnowOutboundOnes() {
    noClasses()
        .that()
        .resideInAPackage("com.reservas.notification.adapter.in..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.reservas.notification.adapter.out..")
        .check(DISPATCHER);
  }
}
