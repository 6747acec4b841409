package com.reservas.schemas.compatibility;

import static com.reservas.schemas.SchemaVariants.optionalString;
import static com.reservas.schemas.SchemaVariants.requiredString;
import static com.reservas.schemas.SchemaVariants.withField;
import static com.reservas.schemas.SchemaVariants.withoutField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.schemas.EventCatalog;
import com.reservas.schemas.SchemaHistory;
import com.reservas.schemas.SchemaVersion;
import com.reservas.schemas.avro.PaymentAuthorized;
import com.reservas.schemas.avro.ReservationCreated;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityCheckerTest {

  private static final Schema RESERVATION_CREATED = ReservationCreated.getClassSchema();
  private static final String RESERVATION_CREATED_NAME = RESERVATION_CREATED.getFullName();

  /** The build's compatibility gate: fails {@code verify} when a schema change breaks readers. */
  @Test
  void everyCurrentEventSchemaReadsEveryReleasedVersionOfItself() {
    SchemaCompatibilityChecker.requireBackwardTransitive(
        EventCatalog.eventSchemas(), SchemaHistory.ofEventCatalog());
  }

  @Test
  void addingARequiredFieldWithoutDefaultFailsNamingSchemaAndVersion() {
    Schema current = withField(RESERVATION_CREATED, requiredString("loyaltyTier"));

    assertThatThrownBy(
            () ->
                SchemaCompatibilityChecker.requireBackwardTransitive(
                    List.of(current), SchemaHistory.ofEventCatalog()))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining(
            "current com.reservas.schemas.avro.ReservationCreated cannot read its v1")
        .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
        .hasMessageContaining("loyaltyTier");
  }

  @Test
  void addingAFieldWithADefaultIsCompatible() {
    Schema current = withField(RESERVATION_CREATED, optionalString("loyaltyTier", "NONE"));

    assertThat(SchemaCompatibilityChecker.incompatibilities(current, released(RESERVATION_CREATED)))
        .isEmpty();
  }

  @Test
  void removingAFieldIsCompatibleBecauseReadersIgnoreWhatTheyDoNotKnow() {
    Schema current = withoutField(PaymentAuthorized.getClassSchema(), "calls");

    assertThat(
            SchemaCompatibilityChecker.incompatibilities(
                current, released(PaymentAuthorized.getClassSchema())))
        .isEmpty();
  }

  @Test
  void changingAFieldTypeIsIncompatible() {
    Schema current =
        withField(
            withoutField(PaymentAuthorized.getClassSchema(), "amount"),
            new Schema.Field("amount", Schema.create(Schema.Type.LONG), "in cents"));

    assertThat(
            SchemaCompatibilityChecker.incompatibilities(
                current, released(PaymentAuthorized.getClassSchema())))
        .singleElement()
        .satisfies(
            incompatibility ->
                assertThat(incompatibility.describe())
                    .contains("TYPE_MISMATCH at amount (/fields/")
                    .contains("reader type: LONG not compatible with writer type: STRING"));
  }

  @Test
  void aProblemInsideANestedRecordIsNamedByItsFieldPath() {
    Schema snapshot = RESERVATION_CREATED.getField("reservation").schema();
    Schema snapshotWithNumericStatus =
        withField(
            withoutField(snapshot, "status"),
            new Schema.Field("status", Schema.create(Schema.Type.INT), "status number"));
    Schema current =
        withField(
            withoutField(RESERVATION_CREATED, "reservation"),
            new Schema.Field("reservation", snapshotWithNumericStatus, "snapshot"));

    assertThat(SchemaCompatibilityChecker.incompatibilities(current, released(RESERVATION_CREATED)))
        .singleElement()
        .satisfies(
            incompatibility ->
                assertThat(incompatibility.describe())
                    .contains("TYPE_MISMATCH at reservation.status"));
  }

  @Test
  void everyReleasedVersionIsCheckedNotOnlyTheLatest() {
    Schema v1 = RESERVATION_CREATED;
    Schema v2 = withField(v1, optionalString("loyaltyTier", "NONE"));
    Schema current = withField(v1, requiredString("loyaltyTier"));

    List<SchemaIncompatibility> found =
        SchemaCompatibilityChecker.incompatibilities(
            current,
            List.of(
                new SchemaVersion(RESERVATION_CREATED_NAME, 1, v1),
                new SchemaVersion(RESERVATION_CREATED_NAME, 2, v2)));

    assertThat(found).extracting(i -> i.writer().version()).containsExactly(1);
  }

  private static List<SchemaVersion> released(Schema schema) {
    return List.of(new SchemaVersion(schema.getFullName(), 1, schema));
  }
}
