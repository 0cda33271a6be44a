/**
 * The broker SPI: what a broker module implements so that every interaction style and every delivery rule
 * of {@code parley-messaging} runs on its broker. A broker only declares destinations, sends with a
 * confirm, consumes with manual acknowledgement, and gives messages back; see {@link
 * dev.parley.messaging.spi.Broker} and {@code parley-messaging/MESSAGING.md}.
 */
@NullMarked
package dev.parley.messaging.spi;

import org.jspecify.annotations.NullMarked;
