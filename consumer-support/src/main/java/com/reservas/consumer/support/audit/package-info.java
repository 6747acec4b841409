/** Masked records of the external calls made while handling an event. */
package com.reservas.consumer.support.audit;
