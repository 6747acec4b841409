package com.reservas.stripe.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.stripe.standin.IdempotencyStore.ClaimOutcome;
import com.reservas.stripe.standin.IdempotencyStore.RequestFingerprint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IdempotencyStoreTest {

  private static final RequestFingerprint CREATE =
      new RequestFingerprint("POST", "/v1/payment_intents", "amount=100");
  private static final ApiResponse CREATED = new ApiResponse(200, "{}", "req_1");

  private final MutableClock clock = new MutableClock();
  private final IdempotencyStore store = new IdempotencyStore(clock);

  @Test
  void aSecondUseWhileTheFirstRunsIsInProgress() {
    assertThat(store.claim("sk", "k", CREATE).outcome()).isEqualTo(ClaimOutcome.GRANTED);
    assertThat(store.claim("sk", "k", CREATE).outcome()).isEqualTo(ClaimOutcome.IN_PROGRESS);
  }

  @Test
  void completedKeysReplayAndReleasedKeysRunAgain() {
    store.claim("sk", "done", CREATE);
    store.complete("sk", "done", CREATED);
    store.claim("sk", "failed", CREATE);
    store.release("sk", "failed");

    assertThat(store.claim("sk", "done", CREATE).stored()).isEqualTo(CREATED);
    assertThat(store.claim("sk", "failed", CREATE).outcome()).isEqualTo(ClaimOutcome.GRANTED);
  }

  @Test
  void keysAreScopedByApiKeyAndExpireAfter24Hours() {
    store.claim("sk_a", "k", CREATE);
    store.complete("sk_a", "k", CREATED);

    assertThat(store.claim("sk_b", "k", CREATE).outcome()).isEqualTo(ClaimOutcome.GRANTED);
    clock.advance(IdempotencyStore.RETENTION.plusSeconds(1));
    assertThat(store.claim("sk_a", "k", CREATE).outcome()).isEqualTo(ClaimOutcome.GRANTED);
  }

  @Test
  void otherParametersOrPathAreAMismatch() {
    store.claim("sk", "k", CREATE);
    store.complete("sk", "k", CREATED);

    assertThat(
            store
                .claim("sk", "k", new RequestFingerprint("POST", "/v1/payment_intents", "amount=9"))
                .outcome())
        .isEqualTo(ClaimOutcome.MISMATCH);
    assertThat(
            store
                .claim("sk", "k", new RequestFingerprint("POST", "/v1/refunds", "amount=100"))
                .message())
        .contains("same endpoint");
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-28T22:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
