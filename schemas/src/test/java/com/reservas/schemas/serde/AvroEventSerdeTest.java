package com.reservas.schemas.serde;

import static com.reservas.schemas.SchemaVariants.optionalString;
import static com.reservas.schemas.SchemaVariants.withField;
import static com.reservas.schemas.SchemaVariants.withoutField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

import com.reservas.schemas.EventCatalog;
import com.reservas.schemas.SampleEvents;
import com.reservas.schemas.Topics;
import com.reservas.schemas.avro.PaymentFailed;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.registry.InMemorySchemaRegistry;
import com.reservas.schemas.registry.SchemaRegistries;
import com.reservas.schemas.registry.SchemaRegistry;
import com.reservas.schemas.registry.SubjectNaming;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroEventSerdeTest {

  private final SchemaRegistry registry = new InMemorySchemaRegistry();
  private final AvroEventSerializer serializer = new AvroEventSerializer(registry);
  private final AvroEventDeserializer deserializer = new AvroEventDeserializer(registry);

  static Stream<Named<SpecificRecord>> everyEventType() {
    return SampleEvents.all().stream().map(event -> named(event.getSchema().getName(), event));
  }

  @Test
  void theSamplesCoverEveryEventTypeOfTheCatalog() {
    assertThat(SampleEvents.all())
        .extracting(SpecificRecord::getSchema)
        .containsExactlyElementsOf(EventCatalog.eventSchemas());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEventType")
  void everyEventTypeSurvivesSerializerThenDeserializer(SpecificRecord event) {
    String topic = EventCatalog.topicOf(event.getClass());

    byte[] bytes = serializer.serialize(topic, event);

    assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(event);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEventType")
  void theFrameIsMagicZeroThenTheIdOfTheTopicRecordNameSubject(SpecificRecord event) {
    String topic = EventCatalog.topicOf(event.getClass());
    int expectedId =
        registry.register(
            SubjectNaming.topicRecordName(topic, event.getSchema()), event.getSchema());

    byte[] bytes = serializer.serialize(topic, event);

    assertThat(bytes[0]).isZero();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(expectedId);
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBody(event));
  }

  @Test
  void theOutboxCodecWritesTheSameBytesAsTheKafkaSerializer() {
    ReservationCreated event = SampleEvents.reservationCreated();

    byte[] outboxPayload = new EventCodec(registry).encode(Topics.RESERVATIONS, event);

    assertThat(outboxPayload).isEqualTo(serializer.serialize(Topics.RESERVATIONS, event));
  }

  @Test
  void aConsumerProcessWithItsOwnInMemoryRegistryReadsWhatAProducerProcessWrote() {
    var producerSide = new AvroEventSerializer(new InMemorySchemaRegistry());
    var consumerSide = new AvroEventDeserializer(new InMemorySchemaRegistry());

    for (SpecificRecord event : SampleEvents.all()) {
      String topic = EventCatalog.topicOf(event.getClass());
      assertThat(consumerSide.deserialize(topic, producerSide.serialize(topic, event)))
          .isEqualTo(event);
    }
  }

  @Test
  void tombstonesStayNull() {
    assertThat(serializer.serialize(Topics.RESERVATIONS, null)).isNull();
    assertThat(deserializer.deserialize(Topics.RESERVATIONS, null)).isNull();
  }

  @Test
  void aMessageWithAnotherMagicByteIsRejected() {
    byte[] bytes = serializer.serialize(Topics.RESERVATIONS, SampleEvents.reservationCreated());
    bytes[0] = 1;

    assertThatThrownBy(() -> deserializer.deserialize(Topics.RESERVATIONS, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown magic byte 0x01, expected 0x00");
  }

  @Test
  void aMessageWithAnUnknownSchemaIdIsRejected() {
    byte[] bytes = serializer.serialize(Topics.RESERVATIONS, SampleEvents.reservationCreated());
    ByteBuffer.wrap(bytes).putInt(1, 123_456_789);

    assertThatThrownBy(() -> deserializer.deserialize(Topics.RESERVATIONS, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown schema id 123456789");
  }

  @Test
  void aMessageShorterThanTheHeaderIsRejected() {
    assertThatThrownBy(() -> deserializer.deserialize(Topics.RESERVATIONS, new byte[] {0, 0, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("3 bytes is shorter than the 5-byte Confluent header");
  }

  @Test
  void aTruncatedBodyIsRejected() {
    byte[] bytes = serializer.serialize(Topics.RESERVATIONS, SampleEvents.reservationCreated());
    byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

    assertThatThrownBy(() -> deserializer.deserialize(Topics.RESERVATIONS, truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("does not match its writer schema");
  }

  @Test
  void aRecordThatIsNotOneOfThisModuleIsRejected() {
    Schema foreign =
        SchemaBuilder.record("Foreign")
            .namespace("com.example")
            .fields()
            .requiredString("x")
            .endRecord();
    int id = registry.register("reservations.events-com.example.Foreign", foreign);

    byte[] bytes = frame(id, new byte[] {2, 'a'});

    assertThatThrownBy(() -> deserializer.deserialize(Topics.RESERVATIONS, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("com.example.Foreign is not a record of this schemas module");
  }

  @Test
  void anOlderProducerWithoutALaterFieldIsReadWithTheFieldsDefault() {
    PaymentFailed current = (PaymentFailed) sampleOf(PaymentFailed.class);
    Schema olderWriter = withoutField(PaymentFailed.getClassSchema(), "calls");

    SpecificRecord read =
        deserializer.deserialize(Topics.PAYMENTS, writtenBy(olderWriter, current));

    assertThat(read).isEqualTo(PaymentFailed.newBuilder(current).setCalls(List.of()).build());
  }

  @Test
  void aNewerProducerWithAnExtraFieldIsReadIgnoringIt() {
    PaymentFailed current = (PaymentFailed) sampleOf(PaymentFailed.class);
    Schema newerWriter =
        withField(PaymentFailed.getClassSchema(), optionalString("retryAfter", "PT5S"));

    SpecificRecord read =
        deserializer.deserialize(Topics.PAYMENTS, writtenBy(newerWriter, current));

    assertThat(read).isEqualTo(current);
  }

  @Test
  void aSerdeWithoutRegistryTakesItFromTheClientProperties() {
    var configuredSerializer = new AvroEventSerializer();
    var configuredDeserializer = new AvroEventDeserializer();
    Map<String, String> props = Map.of(SchemaRegistries.URL_CONFIG, SchemaRegistries.IN_MEMORY_URL);
    configuredSerializer.configure(props, false);
    configuredDeserializer.configure(props, false);
    ReservationCreated event = SampleEvents.reservationCreated();

    byte[] bytes = configuredSerializer.serialize(Topics.RESERVATIONS, event);

    assertThat(configuredDeserializer.deserialize(Topics.RESERVATIONS, bytes)).isEqualTo(event);
  }

  @Test
  void anUnconfiguredSerdeSaysWhatIsMissing() {
    assertThatThrownBy(
            () ->
                new AvroEventSerializer()
                    .serialize(Topics.RESERVATIONS, SampleEvents.reservationCreated()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AvroEventSerializer has no schema registry");
  }

  @Test
  void anUnsupportedRegistryUrlIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                new AvroEventDeserializer()
                    .configure(Map.of(SchemaRegistries.URL_CONFIG, "ftp://registry"), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ftp://registry");
  }

  private static SpecificRecord sampleOf(Class<? extends SpecificRecord> type) {
    return SampleEvents.all().stream().filter(type::isInstance).findFirst().orElseThrow();
  }

  /** Frames {@code event} as a producer with schema {@code writer} would, keeping shared fields. */
  private byte[] writtenBy(Schema writer, SpecificRecord event) {
    try {
      GenericRecord projected =
          new GenericDatumReader<GenericRecord>(event.getSchema(), writer)
              .read(null, DecoderFactory.get().binaryDecoder(avroBody(event), null));
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(body, null);
      new GenericDatumWriter<GenericRecord>(writer).write(projected, encoder);
      encoder.flush();
      int id = registry.register(SubjectNaming.topicRecordName(Topics.PAYMENTS, writer), writer);
      return frame(id, body.toByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plain Avro binary encoding of {@code event}, written without the codec. */
  private static byte[] avroBody(SpecificRecord event) {
    try {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(body, null);
      new SpecificDatumWriter<SpecificRecord>(
              event.getSchema(), SpecificData.getForClass(event.getClass()))
          .write(event, encoder);
      encoder.flush();
      return body.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] frame(int schemaId, byte[] body) {
    return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(schemaId).put(body).array();
  }
}
