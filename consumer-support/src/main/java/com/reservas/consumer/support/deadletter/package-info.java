/** Replay of the dead-letter topic: the replayer and its admin endpoint. */
package com.reservas.consumer.support.deadletter;
