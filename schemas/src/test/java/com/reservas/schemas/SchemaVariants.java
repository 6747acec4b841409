package com.reservas.schemas;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/** Edited copies of record schemas, to play older or newer producers in tests. */
public final class SchemaVariants {

  private SchemaVariants() {}

  /** {@code schema} without its field {@code fieldName}. */
  public static Schema withoutField(Schema schema, String fieldName) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      if (!field.name().equals(fieldName)) {
        fields.add(new Schema.Field(field, field.schema()));
      }
    }
    return copyWithFields(schema, fields);
  }

  /** {@code schema} with {@code extra} appended to its fields. */
  public static Schema withField(Schema schema, Schema.Field extra) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      fields.add(new Schema.Field(field, field.schema()));
    }
    fields.add(extra);
    return copyWithFields(schema, fields);
  }

  /** A new required string field, without a default. */
  public static Schema.Field requiredString(String name) {
    return new Schema.Field(name, Schema.create(Schema.Type.STRING), "test field");
  }

  /** A new string field with a default value. */
  public static Schema.Field optionalString(String name, String defaultValue) {
    return new Schema.Field(name, Schema.create(Schema.Type.STRING), "test field", defaultValue);
  }

  private static Schema copyWithFields(Schema schema, List<Schema.Field> fields) {
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), schema.isError(), fields);
  }
}
