package com.reservas.reservation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The hexagonal dependency rule: the domain depends on the JDK only; the application layer on the
 * domain, the JDK, Reactor (its ports return {@code Mono}) and the framework-free privacy module
 * (one rule for card numbers, shared with the log masker); neither knows any framework.
 */
class DependencyRuleTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.reservas.reservation");

  @Test
  void theDomainDependsOnNothingButItselfAndTheJdk() {
    classes()
        .that()
        .resideInAPackage("com.reservas.reservation.domain..")
        .should()
        .onlyDependOnClassesThat()
        // javax.crypto is the JDK's own HMAC (webhook signatures), not a framework.
        .resideInAnyPackage("com.reservas.reservation.domain..", "java..", "javax.crypto..")
        .check(CORE);
  }

  @Test
  void theApplicationLayerUsesNoFramework() {
    classes()
        .that()
        .resideInAPackage("com.reservas.reservation.application..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "com.reservas.reservation.application..",
            "com.reservas.reservation.domain..",
            "java..",
            "reactor.core.publisher..",
            "reactor.util..",
            "com.reservas.privacy..")
        .check(CORE);
  }

  @Test
  void theDomainDoesNotKnowTheApplicationLayer() {
    noClasses()
        .that()
        .resideInAPackage("com.reservas.reservation.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.reservas.reservation.application..")
        .check(CORE);
  }
}
