package com.reservas.projector.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.reservas.consumer.support.kafka.NonRetryableEventException;
import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase;
import com.reservas.schemas.avro.EventMetadata;
import com.reservas.schemas.avro.PaymentAuthorizationStarted;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import reactor.core.publisher.Mono;

/** How a polled batch is cut into transactions, and what the container is told when one fails. */
class OutcomeListenerTest {

  private final ScriptedApplying applying = new ScriptedApplying();

  @Test
  void aPollIsAppliedInGroupsOfAtMostTheConfiguredSizeInItsOrderAndALoneOutcomeAlone() {
    OutcomeListener listener = listener(2);

    listener.apply(List.of(started("AAAAAAA1"), started("AAAAAAA2"), started("AAAAAAA3")));

    assertThat(applying.calls).containsExactly("applyAll AAAAAAA1 AAAAAAA2", "apply AAAAAAA3");
  }

  @Test
  void aGroupThatFailsIsAppliedOneByOneAndTheFirstOutcomeThatCameEarlyIsNamedToTheContainer() {
    OutcomeListener listener = listener(50);
    applying.failGroups = true;
    applying.result = code -> code.equals("AAAAAAA2") ? premature() : applied();

    BatchListenerFailedException failed =
        catchThrowableOfType(
            BatchListenerFailedException.class,
            () ->
                listener.apply(
                    List.of(started("AAAAAAA1"), started("AAAAAAA2"), started("AAAAAAA3"))));

    assertThat(failed.getIndex()).isEqualTo(1);
    assertThat(failed).hasCauseInstanceOf(PrematureOutcomeException.class);
    // the third waits behind the second, in its partition's order
    assertThat(applying.calls)
        .containsExactly("applyAll AAAAAAA1 AAAAAAA2 AAAAAAA3", "apply AAAAAAA1", "apply AAAAAAA2");
  }

  @Test
  void whatPrecedesAnUndeserializableRecordIsAppliedAndTheRecordGoesStraightToTheDeadLetters() {
    OutcomeListener listener = listener(50);
    ConsumerRecord<String, SpecificRecord> poison =
        new ConsumerRecord<>("payments.events", 0, 7, "AAAAAAA2", null);
    poison
        .headers()
        .add(
            KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER,
            "not Avro".getBytes(StandardCharsets.UTF_8));

    BatchListenerFailedException failed =
        catchThrowableOfType(
            BatchListenerFailedException.class,
            () -> listener.apply(List.of(started("AAAAAAA1"), poison, started("AAAAAAA3"))));

    assertThat(failed.getIndex()).isEqualTo(1);
    assertThat(failed).hasCauseInstanceOf(NonRetryableEventException.class);
    assertThat(applying.calls).containsExactly("apply AAAAAAA1");
  }

  private OutcomeListener listener(int outcomesPerTransaction) {
    return new OutcomeListener(
        applying, "status-projector", outcomesPerTransaction, new SimpleMeterRegistry());
  }

  private static ConsumerRecord<String, SpecificRecord> started(String code) {
    SpecificRecord event =
        PaymentAuthorizationStarted.newBuilder()
            .setMetadata(
                EventMetadata.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setEventType("PaymentAuthorizationStarted")
                    .setOccurredAt(Instant.parse("2027-01-01T10:00:00Z"))
                    .setTraceparent(null)
                    .build())
            .setReservationCode(code)
            .setIdempotencyKey(code + "-authorize")
            .build();
    return new ConsumerRecord<>("payments.events", 0, 0, code, event);
  }

  private static ApplyOutcomeUseCase.OutcomeResult applied() {
    return ApplyOutcomeUseCase.OutcomeResult.APPLIED;
  }

  private static ApplyOutcomeUseCase.OutcomeResult premature() {
    return ApplyOutcomeUseCase.OutcomeResult.PREMATURE;
  }

  /** Records each call; groups fail when told to, single outcomes answer as scripted. */
  private static final class ScriptedApplying implements ApplyOutcomeUseCase {
    final List<String> calls = new ArrayList<>();
    boolean failGroups;
    Function<String, OutcomeResult> result = code -> OutcomeResult.APPLIED;

    @Override
    public Mono<OutcomeResult> apply(OutcomeCommand command) {
      calls.add("apply " + command.reservationCode());
      return Mono.just(result.apply(command.reservationCode()));
    }

    @Override
    public Mono<List<OutcomeResult>> applyAll(List<OutcomeCommand> commands) {
      calls.add(
          "applyAll "
              + String.join(" ", commands.stream().map(OutcomeCommand::reservationCode).toList()));
      return failGroups
          ? Mono.error(new IllegalStateException("one of them came early"))
          : Mono.just(commands.stream().map(c -> result.apply(c.reservationCode())).toList());
    }
  }
}
