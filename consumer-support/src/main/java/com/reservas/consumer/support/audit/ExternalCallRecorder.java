package com.reservas.consumer.support.audit;

import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.privacy.PersonalDataMasker;
import com.reservas.schemas.avro.ExternalCall;
import java.util.List;
import java.util.Objects;

/**
 * Turns {@link HttpExchange}s into the {@link ExternalCall} records that outcome events carry in
 * {@code calls} (docs/spec.md §6: request and response payloads of every external call, recorded
 * for audit): URL and bodies go through {@link PersonalDataMasker#maskText} and are then cut to a
 * maximum length, so no personal data or secret reaches Kafka and no event grows without bound.
 */
public class ExternalCallRecorder {

  /** Appended to a body that was cut. */
  public static final String TRUNCATION_MARK = "…[truncated]";

  private final PersonalDataMasker masker;
  private final int maxBodyLength;

  /**
   * @param masker the masker
   * @param maxBodyLength the longest a recorded body may be, the truncation mark included
   */
  public ExternalCallRecorder(PersonalDataMasker masker, int maxBodyLength) {
    this.masker = Objects.requireNonNull(masker, "masker");
    if (maxBodyLength <= TRUNCATION_MARK.length()) {
      throw new IllegalArgumentException(
          "maxBodyLength must exceed " + TRUNCATION_MARK.length() + ", got " + maxBodyLength);
    }
    this.maxBodyLength = maxBodyLength;
  }

  /** The masked, truncated copy of {@code exchange} (masking it again changes nothing). */
  public HttpExchange mask(HttpExchange exchange) {
    return new HttpExchange(
        exchange.operation(),
        exchange.requestId(),
        exchange.method(),
        masker.maskText(exchange.url()),
        body(exchange.requestBody()),
        exchange.responseStatus(),
        body(exchange.responseBody()),
        exchange.startedAt(),
        exchange.duration());
  }

  /** The masked, truncated Avro record of {@code exchange}. */
  public ExternalCall toExternalCall(HttpExchange exchange) {
    HttpExchange masked = mask(exchange);
    return ExternalCall.newBuilder()
        .setOperation(masked.operation())
        .setRequestId(masked.requestId())
        .setMethod(masked.method())
        .setUrl(masked.url())
        .setRequestBody(masked.requestBody())
        .setResponseStatus(masked.responseStatus())
        .setResponseBody(masked.responseBody())
        .setStartedAt(masked.startedAt())
        .setDurationMillis(masked.duration().toMillis())
        .build();
  }

  /** {@link #toExternalCall} of each, in order. */
  public List<ExternalCall> toExternalCalls(List<HttpExchange> exchanges) {
    return exchanges.stream().map(this::toExternalCall).toList();
  }

  private String body(String body) {
    if (body == null) {
      return null;
    }
    String masked = masker.maskText(body);
    if (masked.length() <= maxBodyLength) {
      return masked;
    }
    return masked.substring(0, maxBodyLength - TRUNCATION_MARK.length()) + TRUNCATION_MARK;
  }
}
