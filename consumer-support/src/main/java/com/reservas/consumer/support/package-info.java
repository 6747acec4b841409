/**
 * Kafka plumbing shared by the consumers of {@code reservations.events}: configuration ({@link
 * com.reservas.consumer.support.ConsumerProperties}) and its auto-configuration. See the module
 * README for the API in one page.
 */
package com.reservas.consumer.support;
