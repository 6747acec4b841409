/**
 * The consumer loop without a framework: a reservation snapshot comes in, the consumer's {@link
 * com.reservas.consumer.support.loop.ReservationStep} decides and calls its gateway, and {@link
 * com.reservas.consumer.support.loop.ReservationLoop} publishes what it answered through an {@link
 * com.reservas.consumer.support.loop.OutcomePort}. JDK only, so a consumer's domain and application
 * code can use it and stay free of Spring, Kafka and Avro; the Kafka side of the loop is in {@code
 * consumer-support.kafka}.
 */
package com.reservas.consumer.support.loop;
