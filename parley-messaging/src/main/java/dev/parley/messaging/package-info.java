/**
 * Messaging over brokers: the channel model (point-to-point queues, publish/subscribe topics with one
 * subscription per subscriber group), every interaction style on top of it, and the delivery rules, written
 * once for every broker. A broker module extends {@link dev.parley.messaging.BrokerTransportProvider} and
 * implements {@link dev.parley.messaging.spi.Broker}.
 */
@NullMarked
package dev.parley.messaging;

import org.jspecify.annotations.NullMarked;
