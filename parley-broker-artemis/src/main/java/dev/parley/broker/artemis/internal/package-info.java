/** The Artemis core-client side of the broker SPI; no promises to users. */
@NullMarked
package dev.parley.broker.artemis.internal;

import org.jspecify.annotations.NullMarked;
