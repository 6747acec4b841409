package com.reservas.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.schemas.EventCatalog;
import com.reservas.schemas.SampleEvents;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.registry.InMemorySchemaRegistry;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Avro 1.12 refuses to load classes from packages not listed in {@code
 * org.apache.avro.SERIALIZABLE_PACKAGES}. Decoding through the codec must not depend on that
 * setting, because its classes come from the {@link EventCatalog}, not from names in the data.
 */
class EventCodecClassTrustTest {

  private ClassSecurityPredicate trustedBeforeTest;

  @BeforeEach
  void trustOnlyAvrosDefaultClasses() {
    trustedBeforeTest = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.setGlobal(ClassSecurityValidator.DEFAULT_TRUSTED_CLASSES);
  }

  @AfterEach
  void restoreTrust() {
    ClassSecurityValidator.setGlobal(trustedBeforeTest);
  }

  @Test
  void plainAvroRefusesOurClassesWithoutTheSystemProperty() {
    assertThatThrownBy(() -> new SpecificData().getClass(ReservationCreated.getClassSchema()))
        .isInstanceOf(SecurityException.class);
  }

  @Test
  void theCodecDecodesEveryEventTypeWithoutTheSystemProperty() {
    EventCodec codec = new EventCodec(new InMemorySchemaRegistry());

    for (SpecificRecord event : SampleEvents.all()) {
      byte[] bytes = codec.encode(EventCatalog.topicOf(event.getClass()), event);

      assertThat(new EventCodec(new InMemorySchemaRegistry()).decode(bytes)).isEqualTo(event);
    }
  }
}
