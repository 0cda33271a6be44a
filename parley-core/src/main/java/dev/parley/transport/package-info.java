/** Transport SPI: found by URI scheme through {@link java.util.ServiceLoader}. */
@NullMarked
package dev.parley.transport;

import org.jspecify.annotations.NullMarked;
