package com.reservas.relay;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Records, per key, when the relay handed a record to the producer and when Kafka acked it. */
final class TimingProducer {

  final Map<String, Long> sentNanos = new ConcurrentHashMap<>();
  final Map<String, Long> ackedNanos = new ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  Producer<String, byte[]> wrap(Producer<String, byte[]> delegate) {
    return (Producer<String, byte[]>)
        Proxy.newProxyInstance(
            Producer.class.getClassLoader(),
            new Class<?>[] {Producer.class},
            (proxy, method, args) -> {
              if (method.getName().equals("send") && args.length == 1) {
                ProducerRecord<String, byte[]> record = (ProducerRecord<String, byte[]>) args[0];
                String key = record.key();
                sentNanos.putIfAbsent(key, System.nanoTime());
                Callback acked =
                    (metadata, error) -> {
                      if (error == null) {
                        ackedNanos.putIfAbsent(key, System.nanoTime());
                      }
                    };
                return delegate.send(record, acked);
              }
              try {
                return method.invoke(delegate, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
