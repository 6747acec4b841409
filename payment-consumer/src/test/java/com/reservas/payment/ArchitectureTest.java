package com.reservas.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The dependency rule of the hexagon (docs/spec.md §2, STYLE): the core imports no framework. */
class ArchitectureTest {

  /** The module's own main classes only (scanning the whole class path takes seconds). */
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(Path.of("target", "classes"));

  /** consumer-support's framework-free loop: the only part of it the core may use. */
  private static final String LOOP = "com.reservas.consumer.support.loop..";

  @Test
  void theDomainDependsOnNothingButItselfTheLoopAndTheJdk() {
    classes()
        .that()
        .resideInAPackage("com.reservas.payment.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("com.reservas.payment.domain..", LOOP, "java..")
        .check(classes);
  }

  @Test
  void theApplicationDependsOnTheDomainTheLoopAndTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("com.reservas.payment.application..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "com.reservas.payment.application..", "com.reservas.payment.domain..", LOOP, "java..")
        .check(classes);
    noClasses()
        .that()
        .resideInAnyPackage("com.reservas.payment.domain..", "com.reservas.payment.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "org.apache.kafka..",
            "org.apache.avro..",
            "com.stripe..",
            "io.github.resilience4j..",
            "reactor..",
            "com.reservas.schemas..",
            "com.reservas.consumer.support.kafka..")
        .check(classes);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    noClasses()
        .that()
        .resideInAPackage("com.reservas.payment.adapter.in..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.reservas.payment.adapter.out..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("com.reservas.payment.adapter.out.stripe..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.reservas.payment.adapter.out.kafka..")
        .check(classes);
  }
}
