/**
 * A real Kafka broker for tests, forked from the {@code kafka_2.13} jars. The Kafka dependencies of the
 * testkit are optional: a project that uses this package adds {@code org.apache.kafka:kafka-clients} and
 * {@code org.apache.kafka:kafka_2.13} to its test dependencies.
 */
@NullMarked
package dev.parley.testkit.kafka;

import org.jspecify.annotations.NullMarked;
