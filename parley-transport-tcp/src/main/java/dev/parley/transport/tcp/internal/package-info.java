/** Implementation of the tcp transport; carries no compatibility promise. */
@NullMarked
package dev.parley.transport.tcp.internal;

import org.jspecify.annotations.NullMarked;
