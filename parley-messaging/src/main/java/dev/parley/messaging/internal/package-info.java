/** The one messaging transport over the broker SPI; no promises to users. */
@NullMarked
package dev.parley.messaging.internal;

import org.jspecify.annotations.NullMarked;
