package com.reservas.schemas.serde;

import com.reservas.schemas.EventCatalog;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * Avro's {@link SpecificData} that resolves this module's records to their generated classes from
 * the {@link EventCatalog} instead of loading classes named by the data. Those classes are trusted
 * by construction, so decoding works without the {@code org.apache.avro.SERIALIZABLE_PACKAGES}
 * system property; any other name still goes through Avro's class-security check.
 */
final class CatalogSpecificData extends SpecificData {

  CatalogSpecificData() {
    super(CatalogSpecificData.class.getClassLoader());
    EventCatalog.recordClasses().stream()
        .map(SpecificData::getForClass)
        .flatMap(generatedModel -> generatedModel.getConversions().stream())
        .forEach(this::addLogicalTypeConversion);
  }

  @Override
  @SuppressWarnings("rawtypes") // Avro declares the raw type
  public Class getClass(Schema schema) {
    if (schema.getType() == Schema.Type.RECORD) {
      var generated = EventCatalog.recordClass(schema.getFullName());
      if (generated.isPresent()) {
        return generated.get();
      }
    }
    return super.getClass(schema);
  }
}
