package com.reservas.standin.kit.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  @Test
  void theFailureRateDecidesWhichShareOfRequestsFails() {
    Iterator<Double> draws = List.of(0.0, 0.29, 0.3, 0.99).iterator();
    FaultInjector<Outage, Outage.Settings> injector =
        new FaultInjector<>(Outage.Settings.NONE, draws::next);
    injector.set(Outage.Settings.failing(Outage.HTTP_500, 0.3));

    List<Boolean> failed = IntStream.range(0, 4).mapToObj(i -> injector.next().fails()).toList();

    assertThat(failed).containsExactly(true, true, false, false);
    assertThat(injector.failuresInjected()).isEqualTo(2);
  }

  @Test
  void aRateOfOneFailsEveryRequestWithoutDrawingAndZeroNone() {
    FaultInjector<Outage, Outage.Settings> injector =
        new FaultInjector<>(
            Outage.Settings.NONE,
            () -> {
              throw new AssertionError("no draw needed");
            });

    assertThat(injector.next().fails()).isFalse();
    injector.set(Outage.Settings.failing(Outage.TIMEOUT, 1.0));
    assertThat(injector.next().failure()).hasValue(Outage.TIMEOUT);
  }

  @Test
  void stopsFailingAfterMaxFailuresButKeepsTheLatency() {
    FaultInjector<Outage, Outage.Settings> injector = new FaultInjector<>(Outage.Settings.NONE);
    Outage.Settings slowAndFailingTwice =
        new Outage.Settings(Duration.ofMillis(7), 1.0, Outage.HTTP_500, null).limitedTo(2);
    injector.set(slowAndFailingTwice);

    assertThat(injector.next().fails()).isTrue();
    assertThat(injector.current((settings, left) -> settings.limitedTo(left)).maxFailures())
        .isEqualTo(1);
    assertThat(injector.next().fails()).isTrue();
    FaultInjector.FaultPlan<Outage, Outage.Settings> after = injector.next();

    assertThat(after.fails()).isFalse();
    assertThat(after.settings().latency()).isEqualTo(Duration.ofMillis(7));
    assertThat(injector.failuresInjected()).isEqualTo(2);
  }

  @Test
  void newSettingsRestartTheLimitAndClearingInjectsNothing() {
    FaultInjector<Outage, Outage.Settings> injector = new FaultInjector<>(Outage.Settings.NONE);
    injector.set(Outage.Settings.failing(Outage.HTTP_500, 1.0).limitedTo(1));
    injector.next();

    injector.set(Outage.Settings.failing(Outage.HTTP_500, 1.0).limitedTo(1));
    assertThat(injector.next().fails()).isTrue();

    injector.clear();
    assertThat(injector.next().fails()).isFalse();
    assertThat(injector.settings()).isEqualTo(Outage.Settings.NONE);
    assertThat(injector.failuresInjected()).isEqualTo(2);
    injector.resetCount();
    assertThat(injector.failuresInjected()).isZero();
  }

  @Test
  void aLimitIsNeverOvershotByConcurrentRequests() throws Exception {
    FaultInjector<Outage, Outage.Settings> injector = new FaultInjector<>(Outage.Settings.NONE);
    injector.set(Outage.Settings.failing(Outage.HTTP_500, 1.0).limitedTo(50));
    AtomicInteger failed = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 400; i++) {
      threads.execute(
          () -> {
            if (injector.next().fails()) {
              failed.incrementAndGet();
            }
          });
    }
    threads.shutdown();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    assertThat(failed).hasValue(50);
    assertThat(injector.failuresInjected()).isEqualTo(50);
  }
}
