/**
 * JUnit 5 support for tests against the RabbitMQ service on this machine: {@link RabbitMqExtension} and the
 * per-test {@link RabbitMq} handle (a vhost of its own, deleted afterwards). Needs {@code com.rabbitmq:amqp-client}
 * on the test class path; the testkit declares it optional.
 */
@NullMarked
package dev.parley.testkit.rabbitmq;

import org.jspecify.annotations.NullMarked;
