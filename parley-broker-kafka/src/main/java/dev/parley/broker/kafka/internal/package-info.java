/** The Kafka broker behind {@code kafka://}; no promises. Design notes: parley-broker-kafka/KAFKA.md. */
@NullMarked
package dev.parley.broker.kafka.internal;

import org.jspecify.annotations.NullMarked;
