package com.reservas.consumer.support.deadletter;

import java.util.Map;

/**
 * What a replay did.
 *
 * @param deadLetterTopic the dead-letter topic read
 * @param replayed how many dead letters were re-published
 * @param replayedTo how many went to each topic (the topic each one was first published to)
 * @param remaining dead letters not yet replayed (non-zero when a limit or the timeout stopped it)
 */
public record ReplayResult(
    String deadLetterTopic, int replayed, Map<String, Integer> replayedTo, long remaining) {}
