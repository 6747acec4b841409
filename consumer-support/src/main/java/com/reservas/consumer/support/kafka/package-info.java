/**
 * Reading events and publishing outcomes: {@link
 * com.reservas.consumer.support.kafka.IncomingEvent}, {@link
 * com.reservas.consumer.support.kafka.OutcomeEvents} (deterministic ids), {@link
 * com.reservas.consumer.support.kafka.OutcomePublisher} (waits for the broker), {@link
 * com.reservas.consumer.support.kafka.NonRetryableEventException} (straight to the dead-letter
 * topic).
 */
package com.reservas.consumer.support.kafka;
