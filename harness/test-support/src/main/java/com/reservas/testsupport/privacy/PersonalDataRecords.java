package com.reservas.testsupport.privacy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Guards the rule that no type carrying personal data prints it: a record's generated {@code
 * toString} lists every component, so a record with a component that is personal data (a name, an
 * e-mail address, a phone number, a payment token) must declare its own {@code toString}.
 */
public final class PersonalDataRecords {

  /** Component names that hold personal data wherever they appear. */
  public static final Set<String> PERSONAL_COMPONENTS =
      Set.of("firstName", "lastName", "fullName", "email", "phone", "paymentMethodToken");

  private PersonalDataRecords() {}

  /**
   * The records of production code under {@code basePackage} that carry personal data and print it
   * with the generated {@code toString}; empty when every such record has its own.
   */
  public static List<String> printingPersonalData(String basePackage) {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(basePackage)
            .stream()
            .filter(JavaClass::isRecord)
            .map(JavaClass::reflect)
            .filter(PersonalDataRecords::carriesPersonalData)
            .filter(record -> !declaresToString(record))
            .map(Class::getName)
            .sorted()
            .toList();
  }

  private static boolean carriesPersonalData(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .map(RecordComponent::getName)
        .anyMatch(PERSONAL_COMPONENTS::contains);
  }

  private static boolean declaresToString(Class<?> record) {
    try {
      record.getDeclaredMethod("toString");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
