package com.reservas.provider.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The hexagonal dependency rule of the provider consumer: the domain and the application layer know
 * the JDK and consumer-support's framework-free loop only; the adapters do not know each other.
 */
class DependencyRuleTest {

  private static final String LOOP = "com.reservas.consumer.support.loop..";

  private static final JavaClasses PROVIDER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.reservas.provider");

  @Test
  void theDomainDependsOnNothingButItselfTheLoopAndTheJdk() {
    classes()
        .that()
        .resideInAPackage("com.reservas.provider.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("com.reservas.provider.domain..", LOOP, "java..")
        .check(PROVIDER);
  }

  @Test
  void theApplicationLayerUsesNoFrameworkNorConsumerSupportsKafkaSide() {
    classes()
        .that()
        .resideInAPackage("com.reservas.provider.application..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "com.reservas.provider.application..", "com.reservas.provider.domain..", LOOP, "java..")
        .check(PROVIDER);
  }

  @Test
  void adaptersDoNotKnowEachOther() {
    noClasses()
        .that()
        .resideInAPackage("com.reservas.provider.adapter.in..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.reservas.provider.adapter.out..")
        .check(PROVIDER);
    noClasses()
        .that()
        .resideInAPackage("com.reservas.provider.adapter.out.supplier..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.reservas.provider.adapter.out.kafka..", "com.reservas.provider.adapter.in..")
        .check(PROVIDER);
    noClasses()
        .that()
        .resideInAPackage("com.reservas.provider.adapter.out.kafka..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.reservas.provider.adapter.out.supplier..", "com.reservas.provider.adapter.in..")
        .check(PROVIDER);
  }
}
