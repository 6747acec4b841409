package com.reservas.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.schemas.EventCatalog;
import com.reservas.schemas.SchemaHistory;
import com.reservas.schemas.SchemaVariants;
import com.reservas.schemas.SchemaVersion;
import com.reservas.schemas.Topics;
import com.reservas.schemas.avro.ReservationCreated;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {

  @Test
  void twoIndependentRegistriesGiveEveryModuleSchemaTheSameId() {
    var apiProcess = new InMemorySchemaRegistry();
    var consumerProcess = new InMemorySchemaRegistry();

    for (Schema schema : EventCatalog.eventSchemas()) {
      String subject = SubjectNaming.topicRecordName(topicOf(schema), schema);
      int id = apiProcess.register(subject, schema);

      assertThat(consumerProcess.register(subject, schema)).isEqualTo(id);
      assertThat(consumerProcess.schemaById(id)).isEqualTo(schema);
    }
  }

  @Test
  void theIdIsTheFoldedParsingFingerprintWhateverTheSubject() {
    var registry = new InMemorySchemaRegistry();
    Schema schema = ReservationCreated.getClassSchema();

    assertThat(registry.register("a-subject", schema))
        .isEqualTo(registry.register("another-subject", schema))
        .isEqualTo(InMemorySchemaRegistry.deterministicId(schema))
        .isNotNegative();
  }

  @Test
  void releasedVersionsArePreloadedSoTheirIdsResolve() {
    var registry = new InMemorySchemaRegistry();

    for (SchemaVersion released : SchemaHistory.ofEventCatalog().allVersions()) {
      assertThat(registry.schemaById(InMemorySchemaRegistry.deterministicId(released.schema())))
          .extracting(Schema::getFullName)
          .isEqualTo(released.fullName());
    }
  }

  @Test
  void aSchemaRegisteredInOneProcessOnlyIsUnknownToAnotherWithAClearMessage() {
    Schema adHoc =
        SchemaBuilder.record("AdHoc")
            .namespace("com.example")
            .fields()
            .requiredInt("n")
            .endRecord();
    int id = new InMemorySchemaRegistry().register("t-com.example.AdHoc", adHoc);

    assertThatThrownBy(() -> new InMemorySchemaRegistry().schemaById(id))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("No schema with id " + id + " in the in-memory registry");
  }

  @Test
  void schemasDifferingOnlyInDocsShareAnId() {
    var registry = new InMemorySchemaRegistry(List.of());
    Schema documented =
        SchemaBuilder.record("R").namespace("n").doc("first").fields().requiredInt("a").endRecord();
    Schema redocumented =
        SchemaBuilder.record("R")
            .namespace("n")
            .doc("second")
            .fields()
            .requiredInt("a")
            .endRecord();

    assertThat(registry.register("s", redocumented)).isEqualTo(registry.register("s", documented));
  }

  @Test
  void aDifferentSchemaCollidingOnTheIdIsRefused() {
    var registry =
        new InMemorySchemaRegistry(schema -> 7, List.of(ReservationCreated.getClassSchema()));
    Schema other =
        SchemaVariants.withField(
            ReservationCreated.getClassSchema(), SchemaVariants.optionalString("x", ""));

    assertThatThrownBy(() -> registry.register("s", other))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("Schema id collision")
        .hasMessageContaining("id 7");
    assertThat(registry.schemaById(7)).isEqualTo(ReservationCreated.getClassSchema());
  }

  @Test
  void concurrentRegistrationsOfTheSameSchemaAgree() {
    var registry = new InMemorySchemaRegistry(List.of());
    Schema schema = ReservationCreated.getClassSchema();
    Set<Integer> ids = ConcurrentHashMap.newKeySet();

    IntStream.range(0, 200)
        .parallel()
        .forEach(i -> ids.add(registry.register("s" + i % 3, schema)));

    assertThat(ids).containsExactly(InMemorySchemaRegistry.deterministicId(schema));
  }

  @Test
  void theSubjectFollowsTopicRecordNameStrategy() {
    assertThat(
            SubjectNaming.topicRecordName(Topics.RESERVATIONS, ReservationCreated.getClassSchema()))
        .isEqualTo("reservations.events-com.reservas.schemas.avro.ReservationCreated");
  }

  private static String topicOf(Schema schema) {
    return EventCatalog.topicOf(EventCatalog.recordClass(schema.getFullName()).orElseThrow());
  }
}
