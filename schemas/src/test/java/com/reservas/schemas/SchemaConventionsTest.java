package com.reservas.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.schemas.avro.EventMetadata;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The rules every schema of the module follows, checked on the generated schemas. */
class SchemaConventionsTest {

  private static final String PII = "pii";

  @Test
  void theCatalogKnowsEveryGeneratedRecordClass() throws IOException, URISyntaxException {
    Path generatedPackage =
        Path.of(EventMetadata.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve(EventMetadata.class.getPackageName().replace('.', '/'));
    List<String> generatedRecords = new ArrayList<>();
    try (Stream<Path> files = Files.list(generatedPackage)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.contains("$")) {
          String className =
              EventMetadata.class.getPackageName() + "." + name.replace(".class", "");
          if (SpecificRecord.class.isAssignableFrom(
              Class.forName(className, false, getClass().getClassLoader()))) {
            generatedRecords.add(className);
          }
        }
      }
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }

    assertThat(EventCatalog.recordSchemas())
        .extracting(Schema::getFullName)
        .containsExactlyInAnyOrderElementsOf(generatedRecords);
  }

  @Test
  void everyFieldIsDocumented() {
    for (Schema record : EventCatalog.recordSchemas()) {
      for (Schema.Field field : record.getFields()) {
        assertThat(field.doc()).as("doc of %s.%s", record.getName(), field.name()).isNotBlank();
      }
    }
  }

  @Test
  void personalDataFieldsAreMarkedAndSaySo() {
    List<String> personalData = new ArrayList<>();
    for (Schema record : EventCatalog.recordSchemas()) {
      for (Schema.Field field : record.getFields()) {
        if (Boolean.TRUE.equals(field.getObjectProp(PII))) {
          personalData.add(record.getName() + "." + field.name());
          assertThat(field.doc())
              .as("doc of %s.%s", record.getName(), field.name())
              .contains("PERSONAL DATA");
        }
      }
    }

    assertThat(personalData)
        .containsExactlyInAnyOrder(
            "Customer.firstName",
            "Customer.lastName",
            "Customer.email",
            "Customer.phone",
            "ReservationSnapshot.paymentMethodToken",
            "ReservationSnapshot.sealedPaymentMethodToken");
  }

  @Test
  void everyEventStartsWithItsMetadata() {
    for (Schema event : EventCatalog.eventSchemas()) {
      Schema.Field first = event.getFields().get(0);
      assertThat(first.name()).as("first field of %s", event.getName()).isEqualTo("metadata");
      assertThat(first.schema()).isEqualTo(EventMetadata.getClassSchema());
    }
  }

  @Test
  void paymentAndSupplierEventsNameTheirReservationAndCarryTheirCalls() {
    Stream.of(Topics.PAYMENTS, Topics.SUPPLIERS)
        .flatMap(topic -> EventCatalog.eventTypes(topic).stream())
        .map(
            type ->
                EventCatalog.eventSchemas().stream()
                    .filter(schema -> schema.getFullName().equals(type.getName()))
                    .findFirst()
                    .orElseThrow())
        .forEach(
            event -> {
              assertThat(event.getField("reservationCode"))
                  .as("%s.reservationCode", event.getName())
                  .isNotNull();
              Schema.Field calls = event.getField("calls");
              assertThat(calls).as("%s.calls", event.getName()).isNotNull();
              assertThat(calls.schema().getElementType().getName()).isEqualTo("ExternalCall");
              assertThat(calls.defaultVal()).isEqualTo(List.of());
            });
  }

  @Test
  void statusesAreStringsNotEnumsSoNewValuesDoNotBreakReaders() {
    for (Schema record : EventCatalog.recordSchemas()) {
      for (Schema.Field field : record.getFields()) {
        assertThat(field.schema().getType()).isNotEqualTo(Schema.Type.ENUM);
      }
    }
  }

  @Test
  void eachEventTypeIsOnExactlyOneTopic() {
    assertThat(EventCatalog.topics())
        .containsExactly(Topics.RESERVATIONS, Topics.PAYMENTS, Topics.SUPPLIERS);
    assertThat(
            EventCatalog.topics().stream()
                .mapToInt(topic -> EventCatalog.eventTypes(topic).size())
                .sum())
        .isEqualTo(EventCatalog.eventSchemas().size())
        .isEqualTo(15);
  }
}
