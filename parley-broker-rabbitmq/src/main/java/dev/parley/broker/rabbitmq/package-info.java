/** {@code amqp://}: Parley's messaging over RabbitMQ. See the module's README and docs/messaging.md. */
@NullMarked
package dev.parley.broker.rabbitmq;

import org.jspecify.annotations.NullMarked;
