/** The RabbitMQ broker's machinery: no promises. */
@NullMarked
package dev.parley.broker.rabbitmq.internal;

import org.jspecify.annotations.NullMarked;
