package com.reservas.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

class InMemorySchemaRegistryPropertyTest {

  @Property(tries = 500)
  void independentRegistriesAgreeOnTheIdOfAnySchema(@ForAll("recordSchemas") Schema schema) {
    var producerProcess = new InMemorySchemaRegistry(List.of());
    var consumerProcess = new InMemorySchemaRegistry(List.of());

    int id = producerProcess.register("subject", schema);

    assertThat(id).isNotNegative().isEqualTo(consumerProcess.register("subject", schema));
    assertThat(consumerProcess.schemaById(id)).isEqualTo(schema);
  }

  @Provide
  Arbitrary<Schema> recordSchemas() {
    Arbitrary<String> names = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
    Arbitrary<List<String>> fieldNames = names.list().ofMinSize(1).ofMaxSize(6).uniqueElements();
    return names.flatMap(
        recordName ->
            fieldNames.map(
                fields -> {
                  SchemaBuilder.FieldAssembler<Schema> assembler =
                      SchemaBuilder.record(recordName).namespace("com.example").fields();
                  for (int i = 0; i < fields.size(); i++) {
                    assembler =
                        i % 2 == 0
                            ? assembler.requiredString(fields.get(i))
                            : assembler.optionalLong(fields.get(i));
                  }
                  return assembler.endRecord();
                }));
  }
}
