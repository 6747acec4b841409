package com.reservas.consumer.support.kafka;

import com.reservas.privacy.PersonalDataMasker;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Masks the exception message and stack trace headers ({@code kafka_dlt-exception-message}, {@code
 * kafka_dlt-exception-stacktrace} and their key/cause variants) that spring-kafka adds to records
 * sent to retry and dead-letter topics: exception messages quote payloads more often than one would
 * like, and the dead-letter topic is read by operators.
 */
public class ExceptionHeaderMaskingInterceptor implements ProducerInterceptor<Object, Object> {

  private final PersonalDataMasker masker = PersonalDataMasker.standard();

  /** Called by Kafka. */
  public ExceptionHeaderMaskingInterceptor() {}

  @Override
  public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
    boolean hasExceptionText = false;
    for (Header header : record.headers()) {
      hasExceptionText |= isExceptionText(header.key());
    }
    if (!hasExceptionText) {
      return record;
    }
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      if (isExceptionText(header.key()) && header.value() != null) {
        String masked = masker.maskText(new String(header.value(), StandardCharsets.UTF_8));
        headers.add(header.key(), masked.getBytes(StandardCharsets.UTF_8));
      } else {
        headers.add(header);
      }
    }
    return new ProducerRecord<>(
        record.topic(),
        record.partition(),
        record.timestamp(),
        record.key(),
        record.value(),
        headers);
  }

  private static boolean isExceptionText(String headerName) {
    return headerName.startsWith("kafka_")
        && (headerName.endsWith("exception-message")
            || headerName.endsWith("exception-stacktrace"));
  }

  @Override
  public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    // nothing to do
  }

  @Override
  public void close() {
    // nothing to close
  }

  @Override
  public void configure(Map<String, ?> configs) {
    // no settings
  }
}
