package com.reservas.consumer.support.loop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The loop package is what the consumers' domain and application code may use: it must stay JDK
 * only, or they would depend on Spring, Kafka or Avro through it.
 */
class LoopPackageIsFrameworkFreeTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.reservas.consumer.support");

  @Test
  void theLoopDependsOnNothingButItselfAndTheJdk() {
    classes()
        .that()
        .resideInAPackage("com.reservas.consumer.support.loop..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("com.reservas.consumer.support.loop..", "java..")
        .check(classes);
  }
}
