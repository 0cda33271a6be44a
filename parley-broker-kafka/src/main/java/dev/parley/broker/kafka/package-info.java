/** {@code kafka://}: Parley's messaging over Apache Kafka (docs/messaging.md). */
@NullMarked
package dev.parley.broker.kafka;

import org.jspecify.annotations.NullMarked;
