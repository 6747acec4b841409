package com.reservas.relay;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.TimeoutException;

/** A producer whose n-th send (counted across every producer it wraps) is never acknowledged. */
final class FailingProducer {

  private final AtomicInteger sends = new AtomicInteger();
  private final int failingSend;

  FailingProducer(int failingSend) {
    this.failingSend = failingSend;
  }

  int sends() {
    return sends.get();
  }

  @SuppressWarnings("unchecked")
  Producer<String, byte[]> wrap(Producer<String, byte[]> delegate) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("send")
              && args.length == 1
              && sends.incrementAndGet() == failingSend) {
            return CompletableFuture.failedFuture(
                new TimeoutException("injected: no acknowledgement for send #" + failingSend));
          }
          try {
            return method.invoke(delegate, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (Producer<String, byte[]>)
        Proxy.newProxyInstance(
            Producer.class.getClassLoader(), new Class<?>[] {Producer.class}, handler);
  }
}
